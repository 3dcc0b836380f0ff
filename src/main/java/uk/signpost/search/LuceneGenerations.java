package uk.signpost.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.hibernate.search.backend.lucene.index.LuceneIndexManager;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.AnnotatedTypeSource;
import org.hibernate.search.mapper.pojo.standalone.mapping.CloseableSearchMapping;
import org.hibernate.search.mapper.pojo.standalone.mapping.SearchMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * Generations of a Lucene index in folders: data-dir/index/gN/, with
 * data-dir/index/current naming the live one, switched by an atomic rename once a rebuild
 * has written its marker. The vocabulary is kept in the generation's folder.
 */
final class LuceneGenerations implements Generations {

	private static final Logger log = LoggerFactory.getLogger(LuceneGenerations.class);

	private static final String MARKER = "signpost-index.properties";

	private static final String VOCABULARY = "vocabulary.txt";

	/** Names the live generation; replaced atomically when a rebuild completes. */
	private static final String CURRENT = "current";

	/** A generation's folder name: g1, g2, ... */
	private static final Pattern GENERATION = Pattern.compile("g\\d+");

	private final Path folder;

	private final String format;

	/** The live generation's folder. */
	private volatile Path live;

	/** The generation a rebuild is writing. */
	private Path building;

	LuceneGenerations(Path folder, String format) {
		this.folder = folder;
		this.format = format;
	}

	@Override
	public Live openLive() throws IOException {
		Path current = currentGeneration();
		if (current == null) {
			return null;
		}
		CloseableSearchMapping mapping = open(current, "create-or-validate");
		this.live = current;
		Vocabulary loaded = new Vocabulary();
		loaded.load(current.resolve(VOCABULARY));
		return new Live(mapping, loaded);
	}

	@Override
	public CloseableSearchMapping create() {
		this.building = nextGeneration();
		deleteQuietly(this.building);
		return open(this.building, "drop-and-create");
	}

	@Override
	public CloseableSearchMapping publish(CloseableSearchMapping built, Vocabulary vocabulary) {
		writeMarker(this.building, vocabulary);
		makeCurrent(this.building);
		this.live = this.building;
		return built;
	}

	@Override
	public void discard(CloseableSearchMapping built) {
		built.close();
		deleteQuietly(this.building);
	}

	@Override
	public Analyzer queryAnalyzer(CloseableSearchMapping mapping) {
		return mapping.indexManager("services").unwrap(LuceneIndexManager.class).searchAnalyzer();
	}

	private CloseableSearchMapping open(Path generation, String schemaManagement) {
		return SearchMapping.builder(AnnotatedTypeSource.fromClasses(ServiceDocument.class), MethodHandles.lookup())
			.property("hibernate.search.backend.type", "lucene")
			.property("hibernate.search.backend.directory.root", generation.toString())
			.property("hibernate.search.backend.analysis.configurer", SearchAnalysis.class.getName())
			// Analysis follows the Lucene on the classpath; FORMAT is bumped when it
			// changes.
			.property("hibernate.search.backend.lucene_version", "LATEST")
			.property("hibernate.search.schema_management.strategy", schemaManagement)
			.build();
	}

	/**
	 * The live generation, or null when there is none that is complete and of this
	 * format.
	 */
	private Path currentGeneration() throws IOException {
		Path pointer = this.folder.resolve(CURRENT);
		if (!Files.exists(pointer)) {
			return null;
		}
		String name = Files.readString(pointer).strip();
		Path generation = this.folder.resolve(name);
		Path marker = generation.resolve(MARKER);
		if (!GENERATION.matcher(name).matches() || !Files.exists(marker)
				|| !Files.exists(generation.resolve(VOCABULARY))) {
			return null;
		}
		Properties properties = new Properties();
		try (var in = Files.newBufferedReader(marker)) {
			properties.load(in);
		}
		return this.format.equals(properties.getProperty("format")) ? generation : null;
	}

	/** A folder name no generation has now: one more than the highest. */
	private Path nextGeneration() {
		int highest = 0;
		if (Files.isDirectory(this.folder)) {
			try (Stream<Path> children = Files.list(this.folder)) {
				highest = children.map(path -> path.getFileName().toString())
					.filter(name -> GENERATION.matcher(name).matches())
					.mapToInt(name -> Integer.parseInt(name.substring(1)))
					.max()
					.orElse(0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return this.folder.resolve("g" + (highest + 1));
	}

	/** Points the index at this generation, atomically: the old pointer or the new. */
	private void makeCurrent(Path generation) {
		try {
			Path pointer = this.folder.resolve(CURRENT);
			Path written = this.folder.resolve(CURRENT + ".new");
			Files.writeString(written, generation.getFileName().toString());
			try (FileChannel channel = FileChannel.open(written, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
			Files.move(written, pointer, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void tidy() {
		Path generation = this.live;
		try (Stream<Path> children = Files.list(this.folder)) {
			children.filter(path -> !path.equals(generation) && !path.getFileName().toString().equals(CURRENT))
				.forEach(LuceneGenerations::deleteQuietly);
		}
		catch (IOException ex) {
			log.warn("Could not tidy {}", this.folder, ex);
		}
	}

	private static void deleteQuietly(Path path) {
		try {
			FileSystemUtils.deleteRecursively(path);
		}
		catch (IOException ex) {
			log.warn("Could not delete {}", path, ex);
		}
	}

	/** Whole or not at all: a crash while saving keeps the last complete copy. */
	@Override
	public void saveVocabulary(Vocabulary vocabulary) {
		save(this.live, vocabulary);
	}

	private static void save(Path generation, Vocabulary vocabulary) {
		try {
			vocabulary.save(generation.resolve(VOCABULARY + ".new"));
			Files.move(generation.resolve(VOCABULARY + ".new"), generation.resolve(VOCABULARY),
					StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Marks a generation complete: written last, after its vocabulary. */
	private void writeMarker(Path generation, Vocabulary vocabulary) {
		save(generation, vocabulary);
		Properties properties = new Properties();
		properties.setProperty("format", this.format);
		try (var out = Files.newBufferedWriter(generation.resolve(MARKER))) {
			properties.store(out, "A complete Signpost search index; delete the index folder to rebuild it");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
