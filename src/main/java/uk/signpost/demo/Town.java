package uk.signpost.demo;

import java.util.List;

/** A real Lancashire town with its centre and the outward codes that serve it. */
record Town(String name, double latitude, double longitude, List<String> outwardCodes, String district) {

	static final List<Town> LANCASHIRE = List.of(
			new Town("Preston", 53.7632, -2.7031, List.of("PR1", "PR2"), "Preston"),
			new Town("Blackburn", 53.7486, -2.4875, List.of("BB1", "BB2"), "Blackburn with Darwen"),
			new Town("Burnley", 53.7893, -2.2405, List.of("BB10", "BB11", "BB12"), "Burnley"),
			new Town("Blackpool", 53.8175, -3.0357, List.of("FY1", "FY2", "FY3", "FY4"), "Blackpool"),
			new Town("Lancaster", 54.0466, -2.8007, List.of("LA1", "LA2"), "Lancaster"),
			new Town("Morecambe", 54.0690, -2.8610, List.of("LA3", "LA4"), "Lancaster"),
			new Town("Chorley", 53.6530, -2.6320, List.of("PR6", "PR7"), "Chorley"),
			new Town("Leyland", 53.6960, -2.6970, List.of("PR25", "PR26"), "South Ribble"),
			new Town("Accrington", 53.7534, -2.3638, List.of("BB5"), "Hyndburn"),
			new Town("Darwen", 53.6980, -2.4610, List.of("BB3"), "Blackburn with Darwen"),
			new Town("Nelson", 53.8350, -2.2180, List.of("BB9"), "Pendle"),
			new Town("Colne", 53.8560, -2.1760, List.of("BB8"), "Pendle"),
			new Town("Ormskirk", 53.5665, -2.8869, List.of("L39", "L40"), "West Lancashire"),
			new Town("Skelmersdale", 53.5500, -2.7760, List.of("WN8"), "West Lancashire"),
			new Town("Fleetwood", 53.9167, -3.0100, List.of("FY7"), "Wyre"),
			new Town("Lytham St Annes", 53.7500, -2.9970, List.of("FY8"), "Fylde"),
			new Town("Clitheroe", 53.8711, -2.3916, List.of("BB7"), "Ribble Valley"),
			new Town("Rawtenstall", 53.7010, -2.2880, List.of("BB4"), "Rossendale"),
			new Town("Garstang", 53.9000, -2.7750, List.of("PR3"), "Wyre"),
			new Town("Poulton-le-Fylde", 53.8470, -2.9940, List.of("FY6"), "Wyre"),
			new Town("Kirkham", 53.7820, -2.8700, List.of("PR4"), "Fylde"),
			new Town("Carnforth", 54.1290, -2.7660, List.of("LA5", "LA6"), "Lancaster"),
			new Town("Thornton-Cleveleys", 53.8740, -3.0220, List.of("FY5"), "Wyre"),
			new Town("Penwortham", 53.7560, -2.7270, List.of("PR1"), "South Ribble"));

}
