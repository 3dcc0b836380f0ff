package uk.signpost.search;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words about who the help is for, as relatives and carers type them ("dementia support
 * for my mum"): they say whose need it is, not what it is, so they are not searched
 * ("mum" found parenting courses), and some say an age worth offering as a filter.
 */
final class WhoFor {

	private static final String PEOPLE = "mum|mom|mother|dad|father|parents?|son|daughter|child|children|kids?|"
			+ "husband|wife|partner|nan|nana|nanna|gran|granny|grandma|grandmother|grandad|grandpa|grandfather|"
			+ "grandson|granddaughter|grandchild|grandchildren|grandkids?|brother|sister|baby|toddler|teenager|teen|"
			+ "boyfriend|girlfriend|friend|neighbour|family";

	/** "for my mum", "my elderly dad", "our son". */
	private static final Pattern RELATIVE = Pattern.compile("(?iu)(?:\\bfor\\s+)?\\b(?:my|our|his|her|their)\\s+"
			+ "(?:(elderly|older|old|little|young|teenage|baby|new\\s?born)\\s+)?(" + PEOPLE + ")\\b");

	/** Words that say an age: the age to offer, and which words. */
	private static final Map<Pattern, Integer> AGES = Map.of(
			Pattern.compile("(?iu)\\b(elderly|older people|older person|pensioners?|nan|nana|nanna|gran|granny|"
					+ "grandma|grandmother|grandad|grandpa|grandfather)\\b"),
			65, Pattern.compile("(?iu)\\b(teenagers?|teens?|teenage)\\b"), 15,
			Pattern.compile("(?iu)\\b(kids?|child|children|toddlers?|little ones?)\\b"), 5,
			Pattern.compile("(?iu)\\b(baby|babies|newborn|new born)\\b"), 0);

	private WhoFor() {
	}

	/** The words with who-for phrases taken out; the words as given when that is all. */
	static String strip(String words) {
		if (words == null) {
			return null;
		}
		String stripped = RELATIVE.matcher(words).replaceAll(" ").replaceAll("\\s+", " ").strip();
		return stripped.isEmpty() ? words : stripped;
	}

	/** The age the words point to ("for my nan": 65), or null when none or several. */
	static Integer age(String words) {
		if (words == null) {
			return null;
		}
		Integer found = null;
		for (Map.Entry<Pattern, Integer> age : AGES.entrySet()) {
			Matcher matcher = age.getKey().matcher(words.toLowerCase(Locale.UK));
			if (matcher.find()) {
				if (found != null) {
					return null;
				}
				found = age.getValue();
			}
		}
		return found;
	}

}
