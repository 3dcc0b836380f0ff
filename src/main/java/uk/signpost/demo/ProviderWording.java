package uk.signpost.demo;

import java.util.List;
import java.util.Map;

import static java.util.Map.entry;

/**
 * Every need in {@link Voice#PROVIDER}'s words: how NHS trusts and charities name and
 * describe their own services, in their sector's terms rather than the council's plain
 * ones. Written without looking at the synonym list, so that a judged set against it
 * measures the list rather than repeats it.
 */
final class ProviderWording {

	private ProviderWording() {
	}

	static Need.Wording of(String term) {
		Need.Wording wording = BY_TERM.get(term);
		if (wording == null) {
			throw new IllegalStateException("No provider wording for the need " + term);
		}
		return wording;
	}

	private static Need.Wording words(List<String> names, List<String> offers, List<String> how, String who,
			List<String> organisations) {
		return new Need.Wording(names, offers, how, who, organisations);
	}

	static final Map<String, Need.Wording> BY_TERM = Map.ofEntries(entry("Food banks", words(
			List.of("Emergency Food Provision {town}", "{town} Community Food Hub", "Crisis Food Support"),
			List.of("Emergency food provision for households facing food insecurity: a three-day supply of non-perishable groceries and essentials.",
					"Short-term food assistance for people experiencing a financial emergency, alongside signposting to longer-term support."),
			List.of("Access is by referral from a partner agency, for example a GP practice, housing provider or advice service.",
					"Referral partners issue an e-referral; collect your provision at the next distribution session."),
			"Households in crisis who have been referred by a partner agency",
			List.of("Lancashire Food Alliance", "{town} Community Food Hub CIO"))),
			entry("Community meals",
					words(List.of("Community Dining at {venue}", "Shared Table {town}", "Lunch and Social at {venue}"),
							List.of("A nutritious two-course lunch in a sociable setting, cooked by volunteers.",
									"Pay-what-you-can dining that turns surplus produce into freshly cooked dishes."),
							List.of("No referral required; seating is first come, first served."),
							"Open to all members of the community",
							List.of("{town} Food Partnership", "FareShare Lancashire"))),
			entry("Community pantries", words(
					List.of("{town} Social Supermarket", "Affordable Food Store {town}", "Your Local Pantry {town}"),
					List.of("Low-cost groceries for members on a low income: a weekly shop worth around fifteen pounds for a four-pound contribution, with fresh produce."),
					List.of("Membership is open to local residents; bring proof of address to join."),
					"Residents of {town} on a low income",
					List.of("Your Local Pantry {town}", "Lancashire Food Alliance"))),
			entry("Debt advice", words(
					List.of("Money Guidance Service {town}", "Financial Inclusion Team", "Debt and Money Casework"),
					List.of("Specialist casework for people with problem debt: priority bills, county court judgments, enforcement action and insolvency options such as Debt Relief Orders.",
							"Money guidance to help you draw up a spending plan, negotiate with creditors and regain control of your finances."),
					List.of("Book a telephone or face-to-face appointment with a caseworker.",
							"Request a callback through our website."),
					"Adults in Lancashire experiencing financial difficulty",
					List.of("Lancashire Financial Inclusion Partnership", "StepChange Lancashire"))),
			entry("Benefits advice", words(
					List.of("Welfare Benefits Casework {town}", "Income Maximisation Service",
							"Benefit Entitlement Checks"),
					List.of("Income maximisation: entitlement checks and help to apply for means-tested and disability-related benefits.",
							"Casework on claims, mandatory reconsiderations and representation at first-tier tribunal."),
					List.of("Contact the casework team; please have any correspondence from the DWP to hand."),
					"Adults on a low income or with a disability or long-term condition",
					List.of("Lancashire Welfare Rights Partnership", "Disability Rights Lancashire"))),
			entry("Help with energy bills",
					words(List.of("Affordable Warmth Service {town}", "Fuel Poverty Advice Line"), List
						.of("Support for households in fuel poverty: tariff checks, top-up vouchers for prepayment customers and referrals for insulation and heating upgrades."),
							List.of("Call the advice line to arrange a home energy assessment."),
							"Households struggling to heat their home",
							List.of("Lancashire Affordable Warmth Partnership"))),
			entry("Homelessness support", words(
					List.of("Housing Solutions {town}", "Street Outreach Team {town}", "Single Homeless Pathway"),
					List.of("Advice and assistance for anyone threatened with homelessness within 56 days, including prevention, relief and interim accommodation.",
							"Assertive outreach for people bedded down on the streets, linking them to accommodation and health care."),
					List.of("Contact the Housing Solutions team during office hours; an out-of-hours duty officer is available.",
							"Members of the public can alert the outreach team through StreetLink."),
					"Single people and families with no settled accommodation",
					List.of("{town} Housing Solutions", "The Salvation Army Housing Association"))),
			entry("Tenancy support", words(List.of("Floating Support {town}", "Housing Related Support Service"), List
				.of("Time-limited floating support to help people maintain their accommodation: budgeting, benefit claims and liaising with landlords."),
					List.of("Referrals are accepted from housing officers and support agencies."),
					"Social and private tenants whose accommodation is at risk",
					List.of("Calico Homes", "Progress Housing Group"))),
			entry("Counselling", words(
					List.of("{town} Emotional Support Service", "Person-centred Counselling {town}",
							"Youth Counselling Project"),
					List.of("Confidential, person-centred sessions with BACP-registered practitioners for people experiencing low mood, loss or life difficulties.",
							"Up to twelve weekly sessions with a trained practitioner in a safe, non-judgemental space."),
					List.of("Complete our online self-referral form; we will contact you for an initial assessment."),
					"Adults and young people aged 16 and over", List.of("Lancashire Mind", "{town} Wellbeing Trust"))),
			entry("Talking therapies", words(
					List.of("Talking Therapies (IAPT) {town}", "Improving Access to Psychological Therapies"),
					List.of("Evidence-based psychological therapies for common mental health problems such as low mood and generalised anxiety, including guided self-help and CBT."),
					List.of("Self-refer online or by telephone; a GP referral is not needed."),
					"Adults registered with a Lancashire GP practice",
					List.of("Lancashire and South Cumbria NHS Foundation Trust"))),
			entry("Crisis support", words(
					List.of("Crisis Resolution and Home Treatment Team", "{town} Crisis Sanctuary",
							"24/7 Mental Health Helpline"),
					List.of("An out-of-hours alternative to A&E for adults experiencing acute emotional distress.",
							"Intensive home treatment as an alternative to hospital admission during an acute episode."),
					List.of("Call the helpline at any time, day or night."),
					"Adults experiencing acute emotional distress",
					List.of("Lancashire and South Cumbria NHS Foundation Trust", "Lancashire Mind"))),
			entry("Peer support groups", words(
					List.of("Lived Experience Network {town}", "{town} Recovery College", "Mutual Support Circle"),
					List.of("Groups facilitated by peer workers with lived experience, focusing on recovery, hope and self-management.",
							"Free recovery-focused workshops co-produced by people with lived experience and clinicians."),
					List.of("Enrol on a course or come along to a group."), "Adults on a recovery journey",
					List.of("Lancashire Mind", "{town} Recovery College"))),
			entry("Memory cafés", words(
					List.of("Memory Support Group {town}", "Singing for the Brain {town}",
							"Forget Me Not Club at {venue}"),
					List.of("A monthly social group for people with memory difficulties and those who support them, with reminiscence activities, music and refreshments."),
					List.of("Drop in; family members and friends are welcome to attend."),
					"People with memory difficulties and their families",
					List.of("Alzheimer's Society North West", "Lancashire Memory Support"))),
			entry("Dementia support", words(
					List.of("Dementia Connect {town}", "Post-diagnostic Support Service", "Admiral Nurse Service"),
					List.of("Post-diagnostic support for people living with dementia and their families: a named adviser, advance care planning and help to remain independent."),
					List.of("Referrals are accepted from memory assessment services, GP practices and individuals."),
					"People with a diagnosis and their families",
					List.of("Alzheimer's Society North West", "Dementia UK Lancashire"))),
			entry("Carers support",
					words(List.of("Carers' Hub {town}", "Carer Wellbeing Service", "Carers' Assessment Team"), List
						.of("Support for anyone who provides unpaid care for a relative, partner or friend who is ill, frail or disabled: a carer's assessment, short breaks and wellbeing sessions."),
							List.of("Register with the hub online or by telephone."),
							"Adults with caring responsibilities",
							List.of("Carers Trust Lancashire", "{town} Carers' Hub"))),
			entry("Young carers", words(List.of("Young Carers' Project {town}", "Siblings and Young Carers Group"), List
				.of("Respite activities and one-to-one support for children and young people with caring responsibilities at home."),
					List.of("Referrals from schools, families and professionals."),
					"Children and young people aged 8 to 18 with caring responsibilities",
					List.of("Carers Trust Lancashire"))),
			entry("SEND support", words(
					List.of("Information, Advice and Support Service (SENDIASS)", "{town} Additional Needs Service",
							"Inclusion Support Team"),
					List.of("Impartial advice for families of children with additional needs on SEN support, EHC needs assessments and tribunal appeals."),
					List.of("Parents and young people can contact the service directly."),
					"Families of children and young people aged 0 to 25 with additional needs",
					List.of("Lancashire Parent Partnership", "{town} Additional Needs Network"))),
			entry("Autism support", words(
					List.of("Neurodiversity Support Service {town}", "ASC Family Network", "Spectrum Support {town}"),
					List.of("Support for neurodivergent children and adults (including autism spectrum condition and ADHD) and their families, before and after assessment."),
					List.of("Join a session or contact the team for a one-to-one conversation."),
					"Neurodivergent people and their families",
					List.of("Lancashire Neurodiversity Network", "Spectrum Support {town}"))),
			entry("Disability advice", words(
					List.of("Independent Living Advice {town}", "Disability Information Service",
							"Equipment and Adaptations Service"),
					List.of("Information on disability-related benefits, equipment, home adaptations and the Blue Badge scheme, provided by disabled people."),
					List.of("Telephone or email the information line."),
					"People with a disability or long-term condition, and their families",
					List.of("Disability Rights Lancashire", "Lancashire Centre for Independent Living"))),
			entry("Family hubs", words(
					List.of("Children and Family Wellbeing Service {town}", "{town} Early Help Hub",
							"Best Start {town}"),
					List.of("A one-stop service for families with children aged 0 to 19 (up to 25 with SEND): health visiting clinics, antenatal classes, early help and play sessions."),
					List.of("Visit during opening hours or telephone the service."),
					"Families with children and young people aged 0 to 19",
					List.of("Children and Family Wellbeing Service", "Lancashire Children's Trust"))),
			entry("Parenting support", words(
					List.of("Positive Parenting Programme (Triple P) {town}", "Parenting Workshops {town}",
							"Dads Matter {town}"),
					List.of("Evidence-based group programmes for parents and carers on managing behaviour, setting boundaries and strengthening family relationships."),
					List.of("Self-refer, or ask your health visitor or school to refer you."),
					"Parents and carers of children aged 2 to 12",
					List.of("Children and Family Wellbeing Service", "Home-Start Lancashire"))),
			entry("Baby and toddler groups",
					words(List.of("Play and Learn at {venue}", "Little Explorers {town}", "Rhyme Time at {venue}"), List
						.of("Early years sessions for under-fives and their parents or carers: sensory play, songs and rhymes."),
							List.of("Sessions are drop-in; a voluntary contribution is welcome."),
							"Children under 5 with a parent or carer",
							List.of("Children and Family Wellbeing Service", "{town} Methodist Church"))),
			entry("Day centres", words(
					List.of("Day Opportunities Service {town}", "Adult Day Care at {venue}", "Age UK Day Club {town}"),
					List.of("Day opportunities for older adults with care needs: activities, a hot meal, bathing and respite for family carers."),
					List.of("Referral following a social care needs assessment."),
					"Adults aged 60 and over with assessed care needs",
					List.of("Age UK Lancashire", "{town} Day Opportunities"))),
			entry("Help at home", words(
					List.of("Home From Hospital Service", "Home Support and Handyperson {town}",
							"Independent Living Support"),
					List.of("Short-term practical support for older adults after a hospital discharge, with shopping, minor repairs and help to stay safe at home."),
					List.of("Referrals from hospital discharge teams, GP practices or families."),
					"Adults aged 60 and over returning home from hospital",
					List.of("Age UK Lancashire", "British Red Cross Lancashire"))),
			entry("Befriending", words(
					List.of("Telephone Befriending Service", "Companionship Service {town}",
							"Good Neighbours Scheme {town}"),
					List.of("Regular companionship calls or visits from a trained volunteer for people experiencing social isolation."),
					List.of("Self-referrals and referrals from professionals are welcome."),
					"Adults who are socially isolated", List.of("Age UK Lancashire", "{town} Good Neighbours"))),
			entry("Social groups", words(
					List.of("{town} Social Club", "Craft and Chat at {venue}", "Community Shed {town}",
							"Health Walks {town}"),
					List.of("A weekly group to meet new people, share an interest and enjoy refreshments.",
							"A community space where people share skills, work on projects and chat side by side."),
					List.of("New members are always welcome; just come along."), "Adults of all ages",
					List.of("{town} Community Association", "{town} Community Shed"))),
			entry("Domestic abuse support", words(
					List.of("IDVA Service {town}", "Domestic Abuse Outreach", "Recovery Toolkit {town}"),
					List.of("Specialist support for survivors of domestic abuse and coercive control: risk assessment, safety planning, MARAC referral and court advocacy.",
							"A group programme for survivors to understand abusive behaviour and recover self-esteem."),
					List.of("Contact the service in confidence. In an emergency dial 999.",
							"Self-referral or referral by a professional."),
					"Survivors aged 16 and over", List.of("Lancashire Women", "SafeNet Domestic Abuse Services"))),
			entry("Sexual violence support", words(
					List.of("ISVA Service Lancashire", "Sexual Assault Referral Centre (SARC)",
							"Survivors' Therapy {town}"),
					List.of("Independent sexual violence advisers and therapeutic support for survivors of rape and sexual assault, whether recent or non-recent."),
					List.of("Contact the SARC at any time; you do not have to report to the police."),
					"Survivors of any age and gender", List.of("Lancashire SARC", "Survivors Trust Lancashire"))),
			entry("Alcohol and drug support", words(
					List.of("Substance Misuse Service {town}", "Recovery Hub {town}",
							"Young People's Substance Misuse Team"),
					List.of("Treatment and recovery support for people with problematic substance use, including harm reduction, opiate substitution and mutual aid."),
					List.of("Self-referral by telephone or at a drop-in session."),
					"Adults concerned about their substance use",
					List.of("Lancashire Recovery Partnership", "Humankind Lancashire"))),
			entry("Gambling support",
					words(List.of("Problem Gambling Treatment Service", "Gambling Harms Clinic"), List
						.of("Free treatment for people experiencing gambling harms, and support for affected others."),
							List.of("Self-refer by telephone or online."), "People affected by gambling harms",
							List.of("Northern Gambling Service"))),
			entry("Job support", words(
					List.of("Employability Service {town}", "Into Work Programme {town}", "Careers and Employment Hub"),
					List.of("One-to-one employability support: CV writing, applications, interview preparation and in-work support."),
					List.of("Self-refer or ask your work coach to refer you."), "Adults who are economically inactive",
					List.of("Lancashire Employability Partnership", "Prospects Lancashire"))),
			entry("Adult learning", words(
					List.of("Community Learning {town}", "Skills for Life Courses", "Essential Digital Skills"),
					List.of("Community learning courses for adults, including functional skills in maths and English and essential digital skills."),
					List.of("Enrol online, by telephone or at an advice session."), "Adults aged 19 and over",
					List.of("Lancashire Community Learning"))),
			entry("ESOL classes", words(
					List.of("English Language Learning {town}", "Conversation Café {town}", "English for Work {town}"),
					List.of("Classes for adults learning English as an additional language, from pre-entry to level 2.",
							"A weekly conversation café where learners practise spoken English with volunteers."),
					List.of("Attend an initial assessment to find the right level."),
					"Adults who speak English as an additional language",
					List.of("Lancashire Community Learning", "{town} Refugee Welcome"))),
			entry("Stop smoking", words(List.of("Tobacco Dependency Service {town}", "Smokefree Lancashire"), List
				.of("Behavioural support and free stop smoking medication to help you become smokefree, including vapes as a quit aid."),
					List.of("Self-refer online or ask at your GP practice or community pharmacy."),
					"People aged 12 and over who use tobacco",
					List.of("Lancashire Teaching Hospitals NHS Foundation Trust"))),
			entry("Physical activity", words(
					List.of("Exercise on Referral {town}", "Move More {town}", "Strength and Balance at {venue}"),
					List.of("Supervised exercise programmes for adults with long-term conditions or low activity levels."),
					List.of("Referral by a GP or health professional."),
					"Adults with a long-term condition or who are inactive",
					List.of("{town} Leisure Trust", "Active Lancashire"))),
			entry("Sexual health", words(
					List.of("Integrated Sexual Health Service {town}", "Contraception and Sexual Health (CaSH) Clinic",
							"GUM Clinic {town}"),
					List.of("Contraception, STI testing and treatment, PrEP and HIV testing, free and confidential."),
					List.of("Book online or attend a walk-in clinic."), "People aged 13 and over",
					List.of("Lancashire Teaching Hospitals NHS Foundation Trust"))));

}
