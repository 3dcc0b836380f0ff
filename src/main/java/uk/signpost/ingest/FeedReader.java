package uk.signpost.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectMapper;

/**
 * Streams the records of one ORUK JSON file: a single record, an array of records, or a
 * paged API response ({"contents": [...]}). Only one record is in memory at a time.
 */
final class FeedReader {

	private final ObjectMapper json;

	/** Reads one record at a time from a stream that goes on after it. */
	private final ObjectReader records;

	FeedReader(ObjectMapper json) {
		this.json = json;
		this.records = json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	/**
	 * Reads the whole file as JSON without keeping anything, so a malformed or cut-off
	 * file is found before a single record is written.
	 */
	void check(Path file) {
		String name = file.getFileName().toString();
		try (InputStream in = Files.newInputStream(file); JsonParser parser = this.json.createParser(in)) {
			JsonToken first = parser.nextToken();
			if (first == null) {
				throw new FeedException(name + " is empty");
			}
			if (first != JsonToken.START_ARRAY && first != JsonToken.START_OBJECT) {
				throw new FeedException(name + ": expected a JSON object or array at line 1 but found " + first);
			}
			parser.skipChildren();
			if (parser.nextToken() != null) {
				throw new FeedException(name + ": unexpected content after the end of the JSON at line "
						+ parser.currentTokenLocation().getLineNr());
			}
		}
		catch (JacksonException ex) {
			throw invalid(name, ex);
		}
		catch (IOException ex) {
			throw new FeedException("Could not read " + file + ": " + ex.getMessage(), ex);
		}
	}

	static FeedException invalid(String name, JacksonException ex) {
		var where = ex.getLocation();
		return new FeedException(name + " is not valid JSON"
				+ (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr()) + ": "
				+ ex.getOriginalMessage(), ex);
	}

	/**
	 * Calls the consumer with each record and its JSON path; returns how many were read.
	 */
	int read(Path file, BiConsumer<JsonNode, String> records) {
		String name = file.getFileName().toString();
		try (InputStream in = Files.newInputStream(file); JsonParser parser = this.json.createParser(in)) {
			JsonToken first = parser.nextToken();
			if (first == null) {
				throw new FeedException(name + " is empty");
			}
			int count;
			if (first == JsonToken.START_ARRAY) {
				count = readArray(parser, name + " $", records);
			}
			else if (first == JsonToken.START_OBJECT) {
				count = readObject(parser, name, records);
			}
			else {
				throw new FeedException(name + ": expected a JSON object or array at line 1 but found " + first);
			}
			if (parser.nextToken() != null) {
				throw new FeedException(name + ": unexpected content after the end of the JSON at line "
						+ parser.currentTokenLocation().getLineNr());
			}
			return count;
		}
		catch (JacksonException ex) {
			throw invalid(name, ex);
		}
		catch (IOException ex) {
			throw new FeedException("Could not read " + file + ": " + ex.getMessage(), ex);
		}
	}

	private int readArray(JsonParser parser, String path, BiConsumer<JsonNode, String> records) {
		int index = 0;
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			JsonNode node = this.records.readTree(parser);
			records.accept(node, path + "[" + index + "]");
			index++;
		}
		return index;
	}

	/**
	 * An object is either a page envelope, whose contents are streamed, or a record of
	 * its own.
	 */
	private int readObject(JsonParser parser, String name, BiConsumer<JsonNode, String> records) {
		tools.jackson.databind.node.ObjectNode envelope = this.json.createObjectNode();
		int count = 0;
		boolean paged = false;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String field = parser.currentName();
			JsonToken value = parser.nextToken();
			if (field.equals("contents") && value == JsonToken.START_ARRAY) {
				paged = true;
				count = readArray(parser, name + " $.contents", records);
			}
			else {
				envelope.set(field, this.records.readTree(parser));
			}
		}
		if (!paged) {
			records.accept(envelope, name + " $");
			count = 1;
		}
		return count;
	}

}
