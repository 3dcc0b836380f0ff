package uk.signpost.web;

import java.time.Duration;
import java.util.Arrays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Serves GOV.UK Frontend's fonts and images where its compiled CSS expects them
 * (/assets/), and gives every page its frame ({@link PageFrame}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final String govukFrontendVersion;

	/**
	 * The addresses of the site's own static files (static/), as the files chain in
	 * WebSecurity names them.
	 */
	static final String[] FOLDERS = { "css", "js" };

	static final String[] FILES = { "/favicon*", "/apple-touch-icon*" };

	private final PageFrame pageFrame;

	private final WebProperties.Resources resources;

	WebConfiguration(@Value("${signpost.govuk-frontend-version:5.14.0}") String govukFrontendVersion,
			PageFrame pageFrame, WebProperties web) {
		this.govukFrontendVersion = govukFrontendVersion;
		this.pageFrame = pageFrame;
		this.resources = web.getResources();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// /api itself is a page for browsers; what is under it is JSON.
		registry.addInterceptor(this.pageFrame).excludePathPatterns("/api/*/**");
	}

	/**
	 * Static files under their own paths, not Spring Boot's "/**" (spring.web.resources.
	 * add-mappings is off): the resource chain that puts a hash of each file's content in
	 * its address looks up every link a page writes with @{…} among the static handlers'
	 * paths, and under "/**" that was every link, each a class-path look-up inside the
	 * jar that found nothing, uncached (docs/benchmarks.md, issue 19). The locations,
	 * cache period and chain cache still come from spring.web.resources.*, so the dev
	 * profile's working-tree files work as before.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		CacheControl cache = this.resources.getCache().getCachecontrol().toHttpCacheControl();
		boolean chainCache = this.resources.getChain().isCache();
		// Under "/css/**" a file's path is what "**" matched, so each folder has its own
		// locations; a single file's pattern matches its whole name.
		for (String folder : FOLDERS) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations(Arrays.stream(this.resources.getStaticLocations())
					.map(location -> location + (location.endsWith("/") ? "" : "/") + folder + "/")
					.toArray(String[]::new))
				.setCacheControl(cache)
				.resourceChain(chainCache)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
		registry.addResourceHandler(FILES)
			.addResourceLocations(this.resources.getStaticLocations())
			.setCacheControl(cache)
			.resourceChain(chainCache)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(cache)
			.resourceChain(chainCache)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		registry.addResourceHandler("/assets/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/govuk-frontend/" + this.govukFrontendVersion
					+ "/dist/govuk/assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic());
	}

}
