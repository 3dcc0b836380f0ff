package uk.signpost.geo;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import uk.signpost.geo.Gazetteer.Point;

/**
 * Every GB postcode and its point in about 9 MB, read whole into memory. Postcodes are
 * grouped by outward code, sorted; within a group each inward code ("2HE") is a number
 * from 0 to 6759 stored as the gap from the one before, and each point as the change from
 * the one before in ten-thousandths of a degree (about 10 m), so most take a byte. The
 * three kinds of number are stored in three columns, which the jar's compression shrinks
 * better than one interleaved stream (5 MB instead of 6). A lookup decodes only its
 * outward code's postcodes, a few thousand at most. See docs/adr/0011.
 */
final class PackedPostcodes {

	static final int MAGIC = 0x53505043; // "SPPC"

	static final int VERSION = 1;

	/** Units per degree: 1e-4 degrees is 11 m of latitude, 7 m of longitude here. */
	static final int SCALE = 10_000;

	private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

	/** One postcode to pack: compact form ("PR12HE") and its point. */
	record Entry(String postcode, double latitude, double longitude) {
	}

	/** Where one outward code's postcodes are in the three columns. */
	private record Block(int count, int inward, int latitude, int longitude) {
	}

	private final Map<String, Block> blocks;

	private final byte[] inward;

	private final byte[] latitude;

	private final byte[] longitude;

	private final int postcodes;

	private PackedPostcodes(Map<String, Block> blocks, byte[] inward, byte[] latitude, byte[] longitude,
			int postcodes) {
		this.blocks = blocks;
		this.inward = inward;
		this.latitude = latitude;
		this.longitude = longitude;
		this.postcodes = postcodes;
	}

	static PackedPostcodes empty() {
		return new PackedPostcodes(Map.of(), new byte[0], new byte[0], new byte[0], 0);
	}

	int size() {
		return this.postcodes;
	}

	/** Bytes held in memory, for the start-up log. */
	long bytes() {
		return (long) this.inward.length + this.latitude.length + this.longitude.length;
	}

	Optional<Point> find(String compact) {
		if (compact.length() < 5) {
			return Optional.empty();
		}
		Block block = this.blocks.get(compact.substring(0, compact.length() - 3));
		int wanted = inwardNumber(compact.substring(compact.length() - 3));
		if (block == null || wanted < 0) {
			return Optional.empty();
		}
		Cursor in = new Cursor(this.inward, block.inward());
		Cursor lat = new Cursor(this.latitude, block.latitude());
		Cursor lon = new Cursor(this.longitude, block.longitude());
		int number = -1;
		int y = 0;
		int x = 0;
		for (int i = 0; i < block.count(); i++) {
			number += in.unsigned() + 1;
			y += lat.signed();
			x += lon.signed();
			if (number == wanted) {
				return Optional.of(new Point((double) y / SCALE, (double) x / SCALE));
			}
			if (number > wanted) {
				break;
			}
		}
		return Optional.empty();
	}

	/**
	 * Writes entries, which must be sorted by outward code then inward number (as
	 * {@link #inwardNumber} orders them), each postcode once.
	 */
	static void write(List<Entry> entries, OutputStream target) throws IOException {
		ByteArrayOutputStream in = new ByteArrayOutputStream();
		ByteArrayOutputStream lat = new ByteArrayOutputStream();
		ByteArrayOutputStream lon = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(target);
		out.writeInt(MAGIC);
		out.writeInt(VERSION);
		out.writeInt(SCALE);
		int outwards = (int) entries.stream().map(e -> Postcodes.outward(e.postcode())).distinct().count();
		out.writeInt(outwards);
		out.writeInt(entries.size());
		int i = 0;
		while (i < entries.size()) {
			String outward = Postcodes.outward(entries.get(i).postcode());
			int inStart = in.size();
			int latStart = lat.size();
			int lonStart = lon.size();
			int number = -1;
			int y = 0;
			int x = 0;
			int count = 0;
			for (; i < entries.size() && Postcodes.outward(entries.get(i).postcode()).equals(outward); i++) {
				Entry entry = entries.get(i);
				int next = inwardNumber(entry.postcode().substring(entry.postcode().length() - 3));
				if (next <= number) {
					throw new IllegalArgumentException(entry.postcode() + " is out of order or repeated");
				}
				unsigned(in, next - number - 1);
				number = next;
				int newY = (int) Math.round(entry.latitude() * SCALE);
				int newX = (int) Math.round(entry.longitude() * SCALE);
				signed(lat, newY - y);
				signed(lon, newX - x);
				y = newY;
				x = newX;
				count++;
			}
			out.writeUTF(outward);
			out.writeInt(count);
			out.writeInt(in.size() - inStart);
			out.writeInt(lat.size() - latStart);
			out.writeInt(lon.size() - lonStart);
		}
		out.writeInt(in.size());
		out.writeInt(lat.size());
		out.writeInt(lon.size());
		in.writeTo(out);
		lat.writeTo(out);
		lon.writeTo(out);
		out.flush();
	}

	static PackedPostcodes read(InputStream source) throws IOException {
		DataInputStream in = new DataInputStream(source);
		if (in.readInt() != MAGIC || in.readInt() != VERSION || in.readInt() != SCALE) {
			throw new IOException("not a Signpost postcode table of version " + VERSION);
		}
		int outwards = in.readInt();
		int postcodes = in.readInt();
		String[] names = new String[outwards];
		int[][] sizes = new int[outwards][];
		for (int i = 0; i < outwards; i++) {
			names[i] = in.readUTF();
			sizes[i] = new int[] { in.readInt(), in.readInt(), in.readInt(), in.readInt() };
		}
		byte[] inward = new byte[in.readInt()];
		byte[] latitude = new byte[in.readInt()];
		byte[] longitude = new byte[in.readInt()];
		in.readFully(inward);
		in.readFully(latitude);
		in.readFully(longitude);
		Map<String, Block> blocks = new HashMap<>(outwards * 2);
		int[] at = new int[3];
		for (int i = 0; i < outwards; i++) {
			blocks.put(names[i], new Block(sizes[i][0], at[0], at[1], at[2]));
			for (int c = 0; c < 3; c++) {
				at[c] += sizes[i][c + 1];
			}
		}
		return new PackedPostcodes(blocks, inward, latitude, longitude, postcodes);
	}

	/** "2HE" as a number from 0 to 6759, in the order postcodes sort; -1 if not one. */
	static int inwardNumber(String inward) {
		if (inward.length() != 3 || !Character.isDigit(inward.charAt(0))) {
			return -1;
		}
		int first = LETTERS.indexOf(inward.charAt(1));
		int second = LETTERS.indexOf(inward.charAt(2));
		return first < 0 || second < 0 ? -1 : (inward.charAt(0) - '0') * 676 + first * 26 + second;
	}

	private static void unsigned(ByteArrayOutputStream out, int value) {
		while ((value & ~0x7F) != 0) {
			out.write((value & 0x7F) | 0x80);
			value >>>= 7;
		}
		out.write(value);
	}

	private static void signed(ByteArrayOutputStream out, int value) {
		// Zigzag: small changes either way take one byte.
		unsigned(out, (value << 1) ^ (value >> 31));
	}

	/** Reads the variable-length numbers of one column from a position on. */
	private static final class Cursor {

		private final byte[] bytes;

		private int at;

		Cursor(byte[] bytes, int at) {
			this.bytes = bytes;
			this.at = at;
		}

		int unsigned() {
			int value = 0;
			int shift = 0;
			byte b;
			do {
				b = this.bytes[this.at++];
				value |= (b & 0x7F) << shift;
				shift += 7;
			}
			while (b < 0);
			return value;
		}

		int signed() {
			int value = unsigned();
			return (value >>> 1) ^ -(value & 1);
		}

	}

}
