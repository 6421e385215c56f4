package timex

// The word lists the pattern cascade matches against. Keys are lower
// case and carry no final full stop ("sept" for "Sept.").

var monthNames = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

// weekdays maps a day name to its ISO number, Monday = 1.
var weekdays = map[string]int{
	"monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2,
	"wednesday": 3, "wed": 3, "thursday": 4, "thu": 4, "thur": 4, "thurs": 4,
	"friday": 5, "fri": 5, "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}

// weekdayFull holds only the unabbreviated names: the short forms ("sun",
// "sat", "wed") are ordinary words too.
var weekdayFull = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true,
}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
	"dozen": 12,
}

var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
	"twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
	"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20, "twenty-first": 21, "thirtieth": 30, "last": -1, "final": -1,
}

// vagueQuantities stand for an unknown number of units ("several days").
var vagueQuantities = map[string]bool{
	"several": true, "few": true, "many": true, "some": true, "numerous": true,
	"countless": true,
}

// unit is a calendar unit of a duration or an offset.
type unit int

const (
	uNone unit = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeek
	uWeekend
	uMonth
	uQuarter
	uYear
	uDecade
	uCentury
)

var unitWords = map[string]unit{
	"second": uSecond, "seconds": uSecond, "sec": uSecond, "secs": uSecond,
	"minute": uMinute, "minutes": uMinute, "min": uMinute, "mins": uMinute,
	"hour": uHour, "hours": uHour, "hr": uHour, "hrs": uHour,
	"day": uDay, "days": uDay, "week": uWeek, "weeks": uWeek,
	"fortnight": uWeek, "weekend": uWeekend, "weekends": uWeekend,
	"month": uMonth, "months": uMonth, "quarter": uQuarter, "quarters": uQuarter,
	"year": uYear, "years": uYear, "decade": uDecade, "decades": uDecade,
	"century": uCentury, "centuries": uCentury,
}

// plural reports whether the unit word is a plural ("days").
func plural(w string) bool {
	return len(w) > 1 && w[len(w)-1] == 's' && w != "hrs" && w != "mins" && w != "secs" ||
		w == "centuries" || w == "hrs" || w == "mins" || w == "secs"
}

// seasons maps a season word to its TIMEX3 code.
var seasons = map[string]string{
	"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}

// seasonStart is the month a season begins in (northern hemisphere).
var seasonStart = map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}

// partsOfDay maps a part of the day to its TIMEX3 code.
var partsOfDay = map[string]string{
	"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
	"overnight": "NI",
}

// setWords are frequency adverbs and adjectives: "daily" is P1D.
var setWords = map[string]string{
	"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
	"yearly": "P1Y", "annual": "P1Y", "hourly": "PT1H", "nightly": "P1D",
	"quarterly": "P3M", "biweekly": "P2W", "biannual": "P6M", "semiannual": "P6M",
	"fortnightly": "P2W",
}

// timeZones are the zone abbreviations a clock time may carry.
var timeZones = map[string]bool{
	"est": true, "edt": true, "cst": true, "cdt": true, "mst": true, "mdt": true,
	"pst": true, "pdt": true, "gmt": true, "utc": true, "et": true, "ct": true,
	"pt": true, "mt": true, "bst": true, "cet": true, "cest": true, "eet": true,
	"eest": true, "msk": true, "jst": true, "ist": true, "aest": true, "z": true,
}

// pastIrregular are common irregular past-tense verbs (tense cues).
var pastIrregular = map[string]bool{
	"was": true, "were": true, "had": true, "did": true, "said": true, "told": true,
	"met": true, "went": true, "came": true, "took": true, "made": true, "left": true,
	"gave": true, "got": true, "began": true, "saw": true, "found": true, "held": true,
	"knew": true, "thought": true, "felt": true, "kept": true, "led": true,
	"brought": true, "bought": true, "sent": true, "spent": true, "spoke": true,
	"wrote": true, "won": true, "lost": true, "fell": true, "rose": true, "struck": true,
	"stood": true, "sat": true, "ran": true, "broke": true, "chose": true, "drove": true,
	"flew": true, "fled": true, "fought": true, "hit": true, "hung": true, "heard": true,
	"paid": true, "put": true, "quit": true, "read": true, "set": true, "shot": true,
	"shut": true, "sold": true, "stole": true, "swore": true, "threw": true, "wore": true,
	"became": true, "beat": true, "bit": true, "blew": true, "built": true, "caught": true,
	"cut": true, "dealt": true, "drew": true, "ate": true, "forgot": true, "froze": true,
	"grew": true, "hid": true, "let": true, "lay": true, "meant": true, "rode": true,
	"rang": true, "sank": true, "slept": true, "sought": true, "taught": true,
	"tore": true, "understood": true, "woke": true, "withdrew": true, "overthrew": true,
	"arose": true, "awoke": true, "bore": true, "dug": true, "fed": true, "forgave": true,
	"shook": true, "shone": true, "spun": true, "stuck": true, "swept": true, "swam": true,
	"underwent": true, "upheld": true, "undertook": true, "wept": true, "wound": true,
}

// presentCues are present-tense auxiliaries and common present verbs.
var presentCues = map[string]bool{
	"is": true, "are": true, "am": true, "'s": true, "'re": true, "has": true,
	"have": true, "does": true, "do": true, "says": true, "say": true,
}

// futureCues mark a future reading on their own.
var futureCues = map[string]bool{
	"will": true, "'ll": true, "shall": true, "wo": true, "upcoming": true,
	"ahead": true, "tomorrow": true, "soon": true, "scheduled": true,
	"slated": true, "deadline": true,
}

// futureBeforeTo mark a future reading when "to" follows them ("is
// expected to meet").
var futureBeforeTo = map[string]bool{
	"expected": true, "scheduled": true, "set": true, "due": true, "plans": true,
	"planned": true, "plan": true, "planning": true, "intends": true, "intend": true,
	"going": true, "hopes": true, "aims": true, "slated": true, "poised": true,
	"is": true, "are": true, "agreed": true, "promised": true, "vowed": true,
	"pledged": true, "prepares": true, "preparing": true, "ready": true, "likely": true,
	"want": true, "wants": true, "hoping": true, "seeks": true, "expects": true,
}

// edNotPast end in "ed" but are not past-tense verbs.
var edNotPast = map[string]bool{
	"need": true, "indeed": true, "hundred": true, "speed": true, "seed": true,
	"feed": true, "bed": true, "red": true, "shed": true, "wed": true,
	"united": true, "limited": true, "proposed": true, "expected": true,
	"scheduled": true, "planned": true, "armed": true, "based": true,
	"embattled": true, "so-called": true, "detailed": true, "advanced": true,
	"related": true, "unprecedented": true, "interested": true, "concerned": true,
	"allied": true, "coordinated": true, "skilled": true,
}
