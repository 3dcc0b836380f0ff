package uk.signpost.api;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration implements WebMvcConfigurer {

	private final DocumentedParameters parameters;

	ApiConfiguration(DocumentedParameters parameters) {
		this.parameters = parameters;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.parameters).addPathPatterns("/api", "/api/**");
	}

	/**
	 * An ETag from each answer's bytes, and 304 when the client already has them:
	 * aggregators polling an unchanged directory download nothing.
	 */
	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
		ShallowEtagHeaderFilter etags = new ShallowEtagHeaderFilter();
		// Weak: Tomcat does not gzip an answer with a strong ETag.
		etags.setWriteWeakETag(true);
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(etags);
		registration.addUrlPatterns("/api/*");
		return registration;
	}

}
