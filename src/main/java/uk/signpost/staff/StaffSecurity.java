package uk.signpost.staff;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.DelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How staff sign in to the workspace: with an email and password held in Signpost's
 * database, or, where a council has registered its identity provider
 * (spring.security.oauth2.client.registration.*), through OpenID Connect. Either way the
 * account, its role and its publishers come from Signpost's database: a signed-in email
 * without an enabled account gets nowhere. Wrong passwords lock an account for a while;
 * every sign-in and sign-out is in the audit log.
 */
@Configuration(proxyBeanMethods = false)
public class StaffSecurity {

	public static final String SIGN_IN = "/sign-in";

	public static final String SIGN_OUT = "/sign-out";

	/** Where a signed-in person is shown that their role may not open a page. */
	static final String FORBIDDEN = "/manage/forbidden";

	/** The addresses the workspace's filter chain answers. */
	public static final String[] PATHS = { "/manage", "/manage/**", SIGN_IN, SIGN_OUT, "/oauth2/**",
			"/login/oauth2/**" };

	private final StaffAccounts accounts;

	private final Audit audit;

	private final ObjectProvider<ClientRegistrationRepository> providers;

	StaffSecurity(StaffAccounts accounts, Audit audit, ObjectProvider<ClientRegistrationRepository> providers) {
		this.accounts = accounts;
		this.audit = audit;
		this.providers = providers;
	}

	/**
	 * bcrypt today, and a stored hash says which encoder made it, so a stronger one can
	 * follow.
	 */
	@Bean
	static PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Accounts with a password, for the sign-in form. An unknown email and a wrong
	 * password look the same to the person signing in (Spring Security still spends a
	 * hash on an unknown one, so the time does not tell either).
	 */
	@Bean
	UserDetailsService staffDetails() {
		return email -> {
			StaffAccounts.Account account = this.accounts.find(email)
				.filter(StaffAccounts.Account::hasPassword)
				.orElseThrow(() -> new UsernameNotFoundException("no account"));
			return User.withUsername(account.email())
				.password(this.accounts.passwordHash(account.email()))
				.disabled(!account.enabled())
				.accountLocked(account.lockedAt(Instant.now()))
				.authorities(authority(account.role()))
				.build();
		};
	}

	/**
	 * Adds the sign-in form, OpenID Connect where a provider is registered, sign-out and
	 * the account check to the workspace's chain; the caller gives it the site's headers.
	 */
	public HttpSecurity apply(HttpSecurity http) throws Exception {
		http.securityMatcher(PATHS)
			.authorizeHttpRequests(requests -> requests.requestMatchers(SIGN_IN, "/oauth2/**", "/login/oauth2/**")
				.permitAll()
				.requestMatchers("/manage/accounts", "/manage/accounts/**", "/manage/audit", "/manage/audit/**")
				.hasRole(Role.ADMIN.name())
				.anyRequest()
				.authenticated())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			.requestCache(cache -> cache.requestCache(returnAfterSignIn()))
			.formLogin(form -> form.loginPage(SIGN_IN)
				.loginProcessingUrl(SIGN_IN)
				.usernameParameter("email")
				.passwordParameter("password")
				.failureHandler(StaffSecurity::failed)
				.defaultSuccessUrl("/manage"))
			.logout(logout -> logout.logoutUrl(SIGN_OUT).logoutSuccessUrl(SIGN_IN + "?signed-out"))
			.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(refusals()))
			.addFilterAfter(new CurrentStaff(this.accounts), AnonymousAuthenticationFilter.class);
		if (this.providers.getIfAvailable() != null) {
			http.oauth2Login(login -> login.loginPage(SIGN_IN)
				.failureUrl(SIGN_IN + "?error")
				.defaultSuccessUrl("/manage")
				.userInfoEndpoint(user -> user.oidcUserService(oidcUsers(new OidcUserService(), this.accounts))));
		}
		return http;
	}

	/** The email typed, kept in the session for the sign-in page to show again. */
	static final String TYPED_EMAIL = StaffSecurity.class.getName() + ".email";

	/**
	 * Back to the sign-in page with the email as typed (never in the address, where logs
	 * would keep it), so only the password is typed again.
	 */
	private static void failed(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.core.AuthenticationException failure) throws IOException {
		String email = request.getParameter("email");
		if (email != null) {
			request.getSession().setAttribute(TYPED_EMAIL, email.length() > 320 ? email.substring(0, 320) : email);
		}
		response.sendRedirect(request.getContextPath() + SIGN_IN + "?error");
	}

	/**
	 * A form whose token is missing or stale gets the site's "Your request was not sent"
	 * page (error/403); a page the person's role may not open gets the workspace's own
	 * "You cannot open this page" (FORBIDDEN), not a hint to reload and try again.
	 */
	private static AccessDeniedHandler refusals() {
		AccessDeniedHandlerImpl role = new AccessDeniedHandlerImpl();
		role.setErrorPage(FORBIDDEN);
		LinkedHashMap<Class<? extends AccessDeniedException>, AccessDeniedHandler> handlers = new LinkedHashMap<>();
		handlers.put(CsrfException.class, new AccessDeniedHandlerImpl());
		return new DelegatingAccessDeniedHandler(handlers, role);
	}

	/**
	 * After signing in, the page the person first asked for, at its own address: without
	 * Spring Security's "?continue" marker, which would otherwise stay in the address bar
	 * and in bookmarks.
	 */
	private static HttpSessionRequestCache returnAfterSignIn() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setMatchingRequestParameterName(null);
		return cache;
	}

	/** The identity providers the sign-in page offers, by registration id and name. */
	public List<ClientRegistration> providers() {
		if (this.providers.getIfAvailable() instanceof InMemoryClientRegistrationRepository registrations) {
			List<ClientRegistration> list = new java.util.ArrayList<>();
			registrations.forEach(list::add);
			return list;
		}
		return List.of();
	}

	/**
	 * A person the identity provider signed in, as a Signpost account: their email (Entra
	 * ID gives it as preferred_username where "email" is not released) must be an enabled
	 * account's, whose role is the one that counts. The provider's own groups are
	 * ignored.
	 */
	static OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers(OAuth2UserService<OidcUserRequest, OidcUser> provider,
			StaffAccounts accounts) {
		return request -> {
			OidcUser user = provider.loadUser(request);
			String key = user.getEmail() != null ? "email" : "preferred_username";
			StaffAccounts.Account account = accounts.find(email(user))
				.filter(StaffAccounts.Account::enabled)
				.orElseThrow(() -> new OAuth2AuthenticationException(
						new OAuth2Error("no_staff_account", "No enabled Signpost account for this email", null)));
			return new DefaultOidcUser(List.of(authority(account.role())), user.getIdToken(), user.getUserInfo(), key);
		};
	}

	/**
	 * The email a signed-in person's account is found by: what they typed, or what the
	 * identity provider says (Entra ID gives it as preferred_username where "email" is
	 * not released).
	 */
	static String email(Authentication authentication) {
		return authentication.getPrincipal() instanceof OidcUser user ? email(user)
				: StaffAccounts.normalise(authentication.getName());
	}

	private static String email(OidcUser user) {
		return StaffAccounts.normalise(user.getEmail() != null ? user.getEmail() : user.getPreferredUsername());
	}

	static SimpleGrantedAuthority authority(Role role) {
		return new SimpleGrantedAuthority("ROLE_" + role.name());
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		String email = email(event.getAuthentication());
		this.accounts.signedIn(email, Instant.now());
		this.audit.record(email, "signed-in", "account", email,
				event.getAuthentication().getPrincipal() instanceof OidcUser ? "identity provider" : "password");
	}

	@EventListener
	void wrongPassword(AuthenticationFailureBadCredentialsEvent event) {
		String email = StaffAccounts.normalise(event.getAuthentication().getName());
		if (this.accounts.find(email).isPresent()) {
			boolean locked = this.accounts.signInFailed(email, Instant.now());
			this.audit.record(email, locked ? "locked" : "sign-in-failed", "account", email,
					locked ? StaffAccounts.MOST_FAILURES + " wrong passwords in a row" : null);
		}
	}

	/**
	 * A sign-in refused before the password was looked at: the account is locked or
	 * disabled.
	 */
	@EventListener
	void refused(AbstractAuthenticationFailureEvent event) {
		if (event instanceof AuthenticationFailureLockedEvent || event instanceof AuthenticationFailureDisabledEvent) {
			String email = StaffAccounts.normalise(event.getAuthentication().getName());
			this.audit.record(email, "sign-in-refused", "account", email,
					event instanceof AuthenticationFailureLockedEvent ? "locked" : "disabled");
		}
	}

	@EventListener
	void signedOut(LogoutSuccessEvent event) {
		String email = email(event.getAuthentication());
		this.audit.record(email, "signed-out", "account", email, null);
	}

	/**
	 * Reads the signed-in person's account on every workspace request, so a disabled
	 * account or a changed role applies at once: an account that may no longer sign in is
	 * signed out here and sent to the sign-in page.
	 */
	static final class CurrentStaff extends OncePerRequestFilter {

		private final StaffAccounts accounts;

		CurrentStaff(StaffAccounts accounts) {
			this.accounts = accounts;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
				var staff = this.accounts.staff(email(authentication));
				if (staff.isPresent()) {
					request.setAttribute(Staff.ATTRIBUTE, staff.get());
				}
				else {
					SecurityContextHolder.clearContext();
					var session = request.getSession(false);
					if (session != null) {
						session.invalidate();
					}
				}
			}
			chain.doFilter(request, response);
		}

	}

}
