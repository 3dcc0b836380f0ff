package uk.signpost.content;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/**
 * The interface text, from content/messages*.properties: a council's copy in
 * signpost.content-dir first, key by key, then what ships.
 */
@Configuration(proxyBeanMethods = false)
class ContentMessages {

	@Bean
	MessageSource messageSource(ContentFiles files) {
		ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
		List<String> basenames = new ArrayList<>();
		if (files.overrides() != null) {
			basenames.add(files.overrides().resolve("messages").toUri().toString());
		}
		basenames.add("classpath:" + ContentFiles.CLASSPATH + "messages");
		messages.setBasenames(basenames.toArray(String[]::new));
		messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
