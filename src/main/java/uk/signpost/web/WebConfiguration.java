package uk.signpost.web;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves GOV.UK Frontend's fonts and images where its compiled CSS expects them
 * (/assets/), and gives every page its frame ({@link PageFrame}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final String govukFrontendVersion;

	private final PageFrame pageFrame;

	WebConfiguration(@Value("${signpost.govuk-frontend-version:5.14.0}") String govukFrontendVersion,
			PageFrame pageFrame) {
		this.govukFrontendVersion = govukFrontendVersion;
		this.pageFrame = pageFrame;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// /api itself is a page for browsers; what is under it is JSON.
		registry.addInterceptor(this.pageFrame).excludePathPatterns("/api/*/**");
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/govuk-frontend/" + this.govukFrontendVersion
					+ "/dist/govuk/assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic());
	}

}
