package uk.signpost.staff;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import uk.signpost.MockMvcSessions;
import uk.signpost.TestDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Signing in through a council's identity provider, registered as an Entra ID tenant is
 * (README: Signing in with Microsoft Entra ID): the sign-in page offers it, the site
 * sends the person to the provider, and whoever comes back is a Signpost account with the
 * role Signpost gives it, or nobody. Spring Security's oidcLogin() stands in for the
 * provider's answer; no provider runs here.
 */
@SpringBootTest(properties = { "signpost.demo-data=false",
		"spring.security.oauth2.client.registration.entra.client-id=signpost-test",
		"spring.security.oauth2.client.registration.entra.client-secret=not-a-secret",
		"spring.security.oauth2.client.registration.entra.client-name=Lancashire County Council account",
		"spring.security.oauth2.client.registration.entra.scope=openid,profile,email",
		"spring.security.oauth2.client.registration.entra.authorization-grant-type=authorization_code",
		"spring.security.oauth2.client.registration.entra.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
		"spring.security.oauth2.client.provider.entra.authorization-uri=https://login.example.org/tenant/oauth2/v2.0/authorize",
		"spring.security.oauth2.client.provider.entra.token-uri=https://login.example.org/tenant/oauth2/v2.0/token",
		"spring.security.oauth2.client.provider.entra.jwk-set-uri=https://login.example.org/tenant/discovery/v2.0/keys",
		"spring.security.oauth2.client.provider.entra.user-name-attribute=preferred_username" })
@AutoConfigureMockMvc
@Import(MockMvcSessions.class)
class OidcSignInTest {

	static final Path DATA_DIR = TestDirectory.newDataDir("signpost-oidc-");

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("signpost.data-dir", DATA_DIR::toString);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	ClientRegistrationRepository registrations;

	@BeforeEach
	void accounts() {
		Staffing.reset(this.jdbc);
		this.accounts.add(new StaffAccounts.NewAccount("cal.curator@lancashire.example.org", "Cal Curator",
				"Lancashire County Council", Role.CURATOR, Set.of(), null), Instant.now());
	}

	static OidcIdToken idToken(Map<String, Object> claims) {
		return OidcIdToken.withTokenValue("id-token").subject("abc-123").claims(c -> c.putAll(claims)).build();
	}

	@Test
	void theSignInPageOffersTheProviderAndSendsThePersonThere() throws Exception {
		String page = this.mvc.perform(get("/sign-in")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Sign in with Lancashire County Council account")
			.contains("href=\"/oauth2/authorization/entra\"");
		String location = this.mvc.perform(get("/oauth2/authorization/entra"))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("https://login.example.org/tenant/oauth2/v2.0/authorize?")
			.contains("client_id=signpost-test")
			.contains("scope=openid%20profile%20email")
			.contains("redirect_uri=http://localhost/login/oauth2/code/entra");
	}

	@Test
	void anAccountWithoutAPasswordCannotSignInWithOne() throws Exception {
		assertThat(this.accounts.find("cal.curator@lancashire.example.org").orElseThrow().hasPassword()).isFalse();
	}

	@Test
	void whoeverTheProviderSignsInIsTheirSignpostAccountAndRole() throws Exception {
		OidcUser curator = new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_CURATOR")),
				idToken(Map.of("preferred_username", "Cal.Curator@lancashire.example.org")), "preferred_username");
		String home = this.mvc.perform(get("/manage").with(oidcLogin().oidcUser(curator)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(home).contains("Cal Curator, Lancashire County Council").doesNotContain("/manage/accounts");
		this.mvc.perform(get("/manage/accounts").with(oidcLogin().oidcUser(curator))).andExpect(status().isForbidden());

		OidcUser stranger = new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_ADMIN")),
				idToken(Map.of("email", "someone.else@lancashire.example.org")), "email");
		this.mvc.perform(get("/manage").with(oidcLogin().oidcUser(stranger))).andExpect(redirectedUrl("/sign-in"));
	}

	@Test
	void theRoleComesFromSignpostNeverTheProvidersGroups() {
		var registration = this.registrations.findByRegistrationId("entra");
		var token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access", Instant.now(),
				Instant.now().plusSeconds(60));
		// The provider says this person is in an administrators' group and has that role.
		OidcUser fromProvider = new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_ADMIN")), idToken(
				Map.of("preferred_username", "cal.curator@lancashire.example.org", "groups", List.of("Admins"))),
				"preferred_username");
		var users = StaffSecurity.oidcUsers(request -> fromProvider, this.accounts);
		OidcUser signedIn = users.loadUser(new OidcUserRequest(registration, token, fromProvider.getIdToken()));
		assertThat(signedIn.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_CURATOR");
		assertThat(signedIn.getName()).isEqualTo("cal.curator@lancashire.example.org");

		this.accounts.setEnabled("cal.curator@lancashire.example.org", false);
		assertThatThrownBy(() -> users.loadUser(new OidcUserRequest(registration, token, fromProvider.getIdToken())))
			.isInstanceOf(OAuth2AuthenticationException.class);
		OidcUser unknown = new DefaultOidcUser(List.of(), idToken(Map.of("email", "nobody@example.org")), "email");
		assertThatThrownBy(() -> StaffSecurity.oidcUsers(request -> unknown, this.accounts)
			.loadUser(new OidcUserRequest(registration, token, unknown.getIdToken())))
			.isInstanceOf(OAuth2AuthenticationException.class);
	}

}
