package uk.signpost.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import uk.signpost.settings.SignpostProperties;

/**
 * Finds a content file by its path under content/ ("pages/privacy.md"): a council's copy
 * in signpost.content-dir when it has one, else the one that ships in the jar.
 */
@Component
public class ContentFiles {

	/** Where content/ lands on the classpath (the build copies it there). */
	public static final String CLASSPATH = "content/";

	private final Path overrides;

	public ContentFiles(SignpostProperties properties) {
		this.overrides = properties.getContentDir() == null ? null
				: properties.getContentDir().toAbsolutePath().normalize();
	}

	/** The council's folder, or null. */
	public Path overrides() {
		return this.overrides;
	}

	public Resource get(String path) {
		if (this.overrides != null) {
			Path own = this.overrides.resolve(path).normalize();
			if (own.startsWith(this.overrides) && Files.isRegularFile(own)) {
				return new FileSystemResource(own);
			}
		}
		return new ClassPathResource(CLASSPATH + path);
	}

	/** The file's text, or null when neither the council nor the jar has it. */
	public String read(String path) {
		Resource resource = get(path);
		if (!resource.exists()) {
			return null;
		}
		try (var in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read content " + path, ex);
		}
	}

}
