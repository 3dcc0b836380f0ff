package uk.signpost.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

import uk.signpost.staff.StaffSecurity;

/**
 * Spring Security for what every response needs: security headers, and a CSRF token in
 * every form that changes something (Your list, reporting a problem). The public pages
 * need no sign-in and keep no session; the staff workspace (/manage) has a chain of its
 * own, with sign-in and a session ({@link StaffSecurity}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurity {

	/**
	 * Scripts, styles, fonts and images only from Signpost itself, and never inline: the
	 * layout's scripts are files, htmx adds no style element and evaluates nothing
	 * (htmx-config).
	 */
	static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/** JSON loads nothing. */
	static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

	static final String CSRF_COOKIE = "signpost-csrf";

	private static final String CSP = "Content-Security-Policy";

	/**
	 * The open data API: read-only JSON for any origin, no session and no CSRF token (it
	 * changes nothing, reads no cookie, and answers anything but GET with 405).
	 */
	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		return common(http.securityMatcher("/api", "/api/**"), WebSecurity::apiPolicy).csrf(csrf -> csrf.disable())
			.build();
	}

	/**
	 * /api answers a browser with a GOV.UK page, which loads the site's styles and
	 * scripts; JSON loads nothing. Written as the response is committed, when its type is
	 * known.
	 */
	private static void apiPolicy(HttpServletRequest request, HttpServletResponse response) {
		String type = response.getContentType();
		boolean page = type != null && MediaType.TEXT_HTML.isCompatibleWith(MediaType.parseMediaType(type));
		response.setHeader(CSP, page ? PAGE_POLICY : API_POLICY);
	}

	/**
	 * Static files: public and cached for a year, so they must never set a cookie (shared
	 * caches would keep it).
	 */
	@Bean
	@Order(2)
	SecurityFilterChain files(HttpSecurity http) throws Exception {
		return common(http.securityMatcher("/css/**", "/js/**", "/webjars/**", "/assets/**", "/favicon*",
				"/apple-touch-icon*"), PAGE_POLICY)
			.csrf(csrf -> csrf.disable())
			.build();
	}

	/**
	 * The workspace and signing in: a session for the signed-in person (its CSRF token
	 * with it), the sign-in page for anyone else, and pages no cache keeps.
	 */
	@Bean
	@Order(3)
	SecurityFilterChain workspace(HttpSecurity http, StaffSecurity staff) throws Exception {
		// Spring Security's Cache-Control: no-store stays on: these pages are private.
		return staff.apply(headers(http, new ContentSecurityPolicyHeaderWriter(PAGE_POLICY))).build();
	}

	/**
	 * The pages. The CSRF token lives in a cookie, not a session, so any node of several
	 * can check it and nobody gets a session; a POST without it gets the GOV.UK 403 page
	 * (templates/error/403.html) and changes nothing.
	 */
	@Bean
	@Order(4)
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieName(CSRF_COOKIE);
		// Secure is set when the request came over HTTPS (the repository's own rule).
		tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").httpOnly(true));
		return common(http, PAGE_POLICY).csrf(csrf -> csrf.csrfTokenRepository(tokens))
			.addFilterAfter(new TokenBeforeThePage(), CsrfFilter.class)
			.build();
	}

	private static HttpSecurity common(HttpSecurity http, String policy) throws Exception {
		return common(http, new ContentSecurityPolicyHeaderWriter(policy));
	}

	/** Public: nobody signs in, nothing is kept between requests. */
	private static HttpSecurity common(HttpSecurity http, HeaderWriter policy) throws Exception {
		return headers(http, policy).authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache(cache -> cache.disable())
			.logout(logout -> logout.disable())
			// Public pages and the API's ETags: no "no-store" on everything.
			.headers(headers -> headers.cacheControl(cache -> cache.disable()));
	}

	private static HttpSecurity headers(HttpSecurity http, HeaderWriter policy) throws Exception {
		return http.headers(headers -> headers.addHeaderWriter(policy)
			.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			// HSTS stays Spring Security's default: sent only over HTTPS.
			.httpStrictTransportSecurity(Customizer.withDefaults()));
	}

	/**
	 * Makes the token (and its cookie, on a first visit) before the page is written: a
	 * form far down a long page would otherwise ask for it after the response was
	 * committed, too late for the cookie.
	 */
	private static final class TokenBeforeThePage extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
				token.getToken();
			}
			chain.doFilter(request, response);
		}

	}

}
