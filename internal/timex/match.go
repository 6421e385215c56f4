package timex

import (
	"strconv"
	"strings"

	"storyline"
)

// gran is the granularity of a calendar value.
type gran int

const (
	gNone gran = iota
	gCentury
	gDecade
	gYear
	gHalf
	gSeason
	gQuarter
	gMonth
	gWeek
	gWeekend
	gDay
)

// kind tells how a partial value is resolved.
type kind int

const (
	kLit      kind = iota // lit is the final value
	kAbs                  // a calendar value with its year
	kNeedYear             // month, day, season, quarter or holiday without a year
	kWeekday              // a weekday name
	kDCT                  // off units of g from the document creation time
	kRef                  // off units of g from the last date mentioned
	kClock                // a clock time; the day comes from the context
	kWeekend              // "the weekend": direction by tense
	kDCTYear              // month or day in the DCT year plus yearOff ("February this year")
)

// spec is the partial value the pattern cascade reads from an expression.
type spec struct {
	typ   storyline.TimexType
	kind  kind
	lit   string
	g     gran
	year  int
	month int
	day   int
	// weekday is the ISO weekday (1 Monday … 7 Sunday) of kWeekday.
	weekday int
	season  string
	quarter int // also the half of gHalf
	// sub is gQuarter or gHalf for "the third quarter of last year", a
	// kDCT year offset narrowed to one quarter.
	sub     gran
	holiday string
	// part is a part of the day (MO, AF, EV, NI).
	part         string
	hour, minute int
	clock        bool
	off          int
	// dir forces the direction of kNeedYear and kWeekday (-1 before the
	// anchor, +1 after, 0: by tense); strict excludes the anchor itself
	// ("last Friday").
	dir    int
	strict bool
	this   bool // "this Friday": the one in the anchor's week
	// vague marks a vague offset ("weeks ago").
	vague bool
	// subDay marks durations in hours, minutes or seconds.
	subDay  bool
	yearOff int
	// dayShift moves a day value: "the day before Tuesday" is -1.
	dayShift int
	// utc marks a clock time given in UTC/GMT: its value ends in Z.
	utc bool
	// unit is the unit of a duration.
	unit unit
}

// match is one expression: tokens [i, j) and its partial value.
type match struct {
	i, j int
	sp   spec
}

// scan finds the expressions of the document, left to right, longest
// match first, never overlapping and never crossing a sentence end.
func (d *doc) scan() []match {
	var out []match
	for _, s := range d.sents {
		d.lo, d.hi = s[0], s[1]
		for i := s[0]; i < s[1]; {
			if m, ok := d.matchAt(i); ok {
				out = append(out, m)
				i = m.j
				// "April 24 and 25": the second day is a date of its own.
				if sp := m.sp; (sp.kind == kNeedYear || sp.kind == kAbs) && sp.g == gDay && sp.month > 0 && sp.holiday == "" && !sp.clock {
					switch d.key(i) {
					case "and", "or", "to", "through", "-", "–":
						if day, ok := ordinalDay(d.key(i + 1)); ok && day > sp.day && validDay(sp.month, day) {
							if _, isMonth := d.monthAt(i + 2); !isMonth {
								sp.day = day
								out = append(out, match{i: i + 1, j: i + 2, sp: sp})
								i += 2
							}
						}
					}
				}
				continue
			}
			// "between 60 and 90 days": the first number takes the unit
			// of the second.
			if v, n, vague, ok := d.number(i, false); ok && !vague {
				switch d.key(i + n) {
				case "and", "to", "or", "-", "–":
					if m, ok := d.matchAt(i + n + 1); ok && m.sp.typ == storyline.Duration && !m.sp.vague && m.sp.unit != uNone {
						sp := durationSpec(v, m.sp.unit, false)
						out = append(out, match{i: i, j: i + n, sp: sp})
						i += n
						continue
					}
				}
			}
			i++
		}
	}
	d.lo, d.hi = 0, len(d.toks)
	return out
}

// candidate keeps the longest of the matches offered to it.
type candidate struct {
	i  int // where every offered match starts
	m  match
	ok bool
}

func (c *candidate) offer(j int, sp spec, ok bool) {
	if ok && j > c.i && (!c.ok || j > c.m.j) {
		c.m = match{i: c.i, j: j, sp: sp}
		c.ok = true
	}
}

// matchAt returns the longest expression starting at token i.
func (d *doc) matchAt(i int) (match, bool) {
	if !d.mayStart(i) {
		return match{}, false
	}
	c := candidate{i: i}
	if j, sp, ok := d.core(i); ok {
		j, sp = d.extend(i, j, sp)
		c.offer(j, sp, true)
	}
	// Modifiers that stay inside the extent: "more than two years",
	// "early next week", "the end of this month".
	if n, mod := d.modifier(i); n > 0 {
		if j, sp, ok := d.core(i + n); ok {
			j, sp = d.extend(i+n, j, sp)
			if mod.ok(sp) {
				c.offer(j, sp, true)
			}
		}
	}
	return c.m, c.ok
}

// mayStart is a cheap filter: only these tokens can begin an expression.
func (d *doc) mayStart(i int) bool {
	k := d.key(i)
	if k == "" {
		return false
	}
	c := k[0]
	if c >= '0' && c <= '9' || c == '\'' {
		return true
	}
	if c < 'a' || c > 'z' {
		return false
	}
	switch k {
	case "the", "this", "that", "last", "next", "past", "coming", "previous",
		"following", "current", "recent", "same", "today", "tonight", "yesterday",
		"tomorrow", "now", "currently", "nowadays", "presently", "recently", "future",
		"right", "at", "every", "each", "once", "twice", "a", "an", "per", "for",
		"early", "late", "mid", "earlier", "later", "more", "less", "nearly", "almost",
		"about", "around", "approximately", "some", "roughly", "over", "just", "under",
		"up", "fiscal", "noon", "midnight", "midday", "half", "several", "few", "many",
		"christmas", "thanksgiving", "easter", "election", "new", "independence",
		"memorial", "labor", "halloween", "valentine", "good", "earliest", "later-this",
		"within", "upcoming", "spring", "summer", "autumn", "winter", "fall", "these",
		"end", "beginning", "start", "middle", "first", "second", "third", "fourth",
		"final", "weekly", "daily", "monthly", "annually", "yearly", "annual", "hourly",
		"nightly", "quarterly", "biweekly", "biannual", "semiannual", "fortnightly",
		"decades-long", "years-long", "day-long", "week-long", "month-long", "year-long",
		"yearlong", "monthlong", "weeklong", "daylong", "overnight", "numerous", "countless":
		return true
	}
	if _, ok := monthNames[k]; ok {
		return true
	}
	if weekdayFull[k] {
		return true
	}
	if _, ok := numberWords[k]; ok {
		return true
	}
	if _, ok := ordinalWords[k]; ok {
		return true
	}
	if _, ok := unitWords[k]; ok {
		return true
	}
	return strings.IndexByte(k, '-') > 0
}

// core returns the longest basic expression at i.
func (d *doc) core(i int) (int, spec, bool) {
	c := candidate{i: i}
	c.offer(d.calendarDate(i))
	c.offer(d.iso(i))
	c.offer(d.slashDate(i))
	c.offer(d.yearAlone(i))
	c.offer(d.decade(i))
	c.offer(d.century(i))
	c.offer(d.weekdayName(i))
	c.offer(d.relWord(i))
	c.offer(d.deictic(i))
	c.offer(d.set(i))
	c.offer(d.duration(i))
	c.offer(d.barePlural(i))
	c.offer(d.clockTime(i))
	c.offer(d.seasonExpr(i))
	c.offer(d.quarterExpr(i))
	c.offer(d.holidayExpr(i))
	c.offer(d.hyphenPrefixed(i))
	c.offer(d.weekOf(i))
	return c.m.j, c.m.sp, c.ok
}

// lit returns a literal spec.
func lit(typ storyline.TimexType, v string) spec {
	return spec{typ: typ, kind: kLit, lit: v}
}

// ---- numbers ----

// number reads a cardinal at i: digits ("13", "5 1/2"), words ("three",
// "twenty-five", "two and a half"), and with allowA "a"/"an" as one.
// vague is set for "several", "a few", "many".
func (d *doc) number(i int, allowA bool) (v float64, n int, vague, ok bool) {
	k := d.key(i)
	if k == "" {
		return 0, 0, false, false
	}
	switch {
	case isDigits(k):
		if len(k) > 6 {
			return 0, 0, false, false
		}
		x, _ := strconv.Atoi(k)
		v, n = float64(x), 1
	case isDecimal(k):
		x, err := strconv.ParseFloat(k, 64)
		if err != nil {
			return 0, 0, false, false
		}
		v, n = x, 1
	case k == "a" || k == "an":
		nx := d.key(i + 1)
		switch {
		case nx == "few" || nx == "couple":
			n = 2
			if d.key(i+2) == "of" {
				n = 3
			}
			if nx == "couple" {
				return 2, n, false, true
			}
			return 0, n, true, true
		case nx == "dozen":
			return 12, 2, false, true
		case nx == "half":
			if nx2 := d.key(i + 2); nx2 == "dozen" {
				return 6, 3, false, true
			}
			return 0.5, 2, false, true
		case allowA:
			v, n = 1, 1
		default:
			return 0, 0, false, false
		}
	case vagueQuantities[k]:
		return 0, 1, true, true
	case k == "half":
		if nx := d.key(i + 1); nx == "a" || nx == "an" {
			return 0.5, 2, false, true
		}
		return 0, 0, false, false
	default:
		x, ok := wordNumber(k)
		if !ok {
			return 0, 0, false, false
		}
		v, n = float64(x), 1
		// "twenty five", "one hundred"
		if x >= 20 && x%10 == 0 && x < 100 {
			if y, ok := wordNumber(d.key(i + 1)); ok && y < 10 {
				v += float64(y)
				n++
			}
		}
	}
	// Fractions: "5 1/2", "two and a half".
	switch f := d.key(i + n); {
	case f == "1/2":
		v += 0.5
		n++
	case f == "1/4":
		v += 0.25
		n++
	case f == "3/4":
		v += 0.75
		n++
	case f == "and" && d.key(i+n+1) == "a" && d.key(i+n+2) == "half":
		v += 0.5
		n += 3
	}
	return v, n, false, true
}

// wordNumber reads "three", "twenty-five", "dozen".
func wordNumber(k string) (int, bool) {
	if x, ok := numberWords[k]; ok {
		return x, true
	}
	if a, b, ok := strings.Cut(k, "-"); ok {
		x, ok1 := numberWords[a]
		y, ok2 := numberWords[b]
		if ok1 && ok2 && x >= 20 && x%10 == 0 && x < 100 && y < 10 {
			return x + y, true
		}
	}
	return 0, false
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isDecimal(s string) bool {
	a, b, ok := strings.Cut(s, ".")
	return ok && isDigits(a) && isDigits(b)
}

// ordinalDay reads a day of the month: "22", "22nd", "1st".
func ordinalDay(k string) (int, bool) {
	s := k
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(s, suf) {
			s = s[:len(s)-2]
			break
		}
	}
	if !isDigits(s) || len(s) > 2 {
		return 0, false
	}
	x, _ := strconv.Atoi(s)
	return x, x >= 1 && x <= 31
}

// yearNumber reads a four-digit year in the range news text talks about.
func yearNumber(k string) (int, bool) {
	if len(k) != 4 || !isDigits(k) {
		return 0, false
	}
	y, _ := strconv.Atoi(k)
	return y, y >= 1000 && y <= 2199
}

// ---- calendar dates ----

// monthAt reads a month name at i. Bare "May" and "March" are verbs and
// names too often to stand alone; callers decide.
func (d *doc) monthAt(i int) (int, bool) {
	k := d.key(i)
	m, ok := monthNames[k]
	if !ok || !d.toks[i].upper {
		return 0, false
	}
	// Short forms only with their stop or before a number: "Aug. 7",
	// "Aug 7"; "Mar" or "Jan" alone are names.
	if len(k) <= 4 && k != "may" && k != "june" && k != "july" && len(d.low(i)) == len(k) {
		if _, ok := ordinalDay(d.key(i + 1)); !ok {
			if _, ok := yearNumber(d.key(i + 1)); !ok {
				return 0, false
			}
		}
	}
	return m, true
}

// calendarDate reads "[Friday,] Aug. 22[, 2025]", "August 2025", "22
// August 2025", "the 22nd of August" and a bare month name.
func (d *doc) calendarDate(i int) (int, spec, bool) {
	j := i
	wd := 0
	if w, ok := weekdays[d.key(i)]; ok && weekdayFull[d.key(i)] && d.toks[i].upper {
		k := i + 1
		if d.key(k) == "," {
			k++
		}
		if _, ok := d.monthAt(k); ok {
			wd, j = w, k
		} else if _, ok := ordinalDay(d.key(k)); ok {
			if _, ok := d.monthAt(k + 1); ok {
				wd, j = w, k
			}
		}
	}
	_ = wd
	// Month first.
	if m, ok := d.monthAt(j); ok {
		k := j + 1
		if day, ok := ordinalDay(d.key(k)); ok && validDay(m, day) {
			k++
			// Optional year: "Aug. 7, 1998", "Aug. 7 1998".
			y, kk := 0, k
			if d.key(kk) == "," {
				kk++
			}
			if yy, ok := yearNumber(d.key(kk)); ok {
				y, k = yy, kk+1
			}
			if y > 0 {
				return k, spec{typ: storyline.Date, kind: kAbs, g: gDay, year: y, month: m, day: day}, true
			}
			return k, spec{typ: storyline.Date, kind: kNeedYear, g: gDay, month: m, day: day}, true
		}
		// "August 2025", "August of 2025", "August, 2025".
		kk := k
		if d.key(kk) == "of" || d.key(kk) == "," {
			kk++
		}
		if y, ok := yearNumber(d.key(kk)); ok {
			return kk + 1, spec{typ: storyline.Date, kind: kAbs, g: gMonth, year: y, month: m}, true
		}
		if j > i {
			return 0, spec{}, false
		}
		if !d.bareMonthOK(j, m) {
			return 0, spec{}, false
		}
		return k, spec{typ: storyline.Date, kind: kNeedYear, g: gMonth, month: m}, true
	}
	// Day first: "22 August 2025", "the 22nd of August".
	k := j
	if d.key(k) == "the" && j == i {
		k++
	}
	if day, ok := ordinalDay(d.key(k)); ok {
		k++
		if d.key(k) == "of" {
			k++
		}
		if m, ok := d.monthAt(k); ok && validDay(m, day) {
			k++
			kk := k
			if d.key(kk) == "," {
				kk++
			}
			if y, ok := yearNumber(d.key(kk)); ok {
				return kk + 1, spec{typ: storyline.Date, kind: kAbs, g: gDay, year: y, month: m, day: day}, true
			}
			if d.key(i) == "the" && d.key(i+2) != "of" {
				return 0, spec{}, false
			}
			return k, spec{typ: storyline.Date, kind: kNeedYear, g: gDay, month: m, day: day}, true
		}
	}
	return 0, spec{}, false
}

// bareMonthOK decides whether a month name alone is a date: "in
// September" is, "May" the modal and "March" the verb or the parade are
// not.
func (d *doc) bareMonthOK(i, m int) bool {
	prev := d.key(i - 1)
	switch prev {
	case "annual", "a":
		return false
	}
	if m != 5 && m != 3 {
		return true
	}
	switch prev {
	case "in", "since", "until", "till", "by", "of", "early", "late", "mid", "last",
		"next", "this", "through", "during", "from", "to", "before", "after",
		"between", "and", "or", "on", "end", "beginning", "start", "middle", "until-":
		nx := d.key(i + 1)
		return nx != "for" && nx != "of"
	}
	return false
}

func validDay(m, day int) bool {
	if m < 1 || m > 12 {
		return false
	}
	return day >= 1 && day <= [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m]
}

// iso reads 2025-08-22 and 2025-08-22T09:59[:ss].
func (d *doc) iso(i int) (int, spec, bool) {
	k := d.key(i)
	if len(k) < 10 || k[4] != '-' || k[7] != '-' {
		return 0, spec{}, false
	}
	y, ok1 := yearNumber(k[:4])
	mo, err1 := strconv.Atoi(k[5:7])
	day, err2 := strconv.Atoi(k[8:10])
	if !ok1 || err1 != nil || err2 != nil || mo < 1 || mo > 12 || !validDay(mo, day) || !isDigits(k[5:7]) || !isDigits(k[8:10]) {
		return 0, spec{}, false
	}
	sp := spec{typ: storyline.Date, kind: kAbs, g: gDay, year: y, month: mo, day: day}
	rest := k[10:]
	if rest == "" {
		return i + 1, sp, true
	}
	if rest[0] != 't' || len(rest) < 6 || rest[3] != ':' || !isDigits(rest[1:3]) || !isDigits(rest[4:6]) {
		return 0, spec{}, false
	}
	h, _ := strconv.Atoi(rest[1:3])
	mi, _ := strconv.Atoi(rest[4:6])
	if h > 24 || mi > 59 {
		return 0, spec{}, false
	}
	sp.typ, sp.clock, sp.hour, sp.minute = storyline.Time, true, h, mi
	return i + 1, sp, true
}

// slashDate reads 8/22/2025 and 8/22/25 (month first unless the first
// number cannot be a month).
func (d *doc) slashDate(i int) (int, spec, bool) {
	parts := strings.Split(d.key(i), "/")
	if len(parts) != 3 {
		return 0, spec{}, false
	}
	var n [3]int
	for x, p := range parts {
		if !isDigits(p) || len(p) > 4 {
			return 0, spec{}, false
		}
		n[x], _ = strconv.Atoi(p)
	}
	mo, day, y := n[0], n[1], n[2]
	if mo > 12 {
		mo, day = day, mo
	}
	switch len(parts[2]) {
	case 2:
		if y < 50 {
			y += 2000
		} else {
			y += 1900
		}
	case 4:
	default:
		return 0, spec{}, false
	}
	if mo < 1 || mo > 12 || !validDay(mo, day) {
		return 0, spec{}, false
	}
	return i + 1, spec{typ: storyline.Date, kind: kAbs, g: gDay, year: y, month: mo, day: day}, true
}

// yearAlone reads a bare year ("in 1998"), "fiscal 1999" and "'98".
func (d *doc) yearAlone(i int) (int, spec, bool) {
	k := d.key(i)
	if k == "fiscal" {
		if d.key(i+1) == "year" {
			if y, ok := yearNumber(d.key(i + 2)); ok {
				return i + 3, lit(storyline.Date, "FY"+strconv.Itoa(y)), true
			}
		}
		if y, ok := yearNumber(d.key(i + 1)); ok {
			return i + 2, lit(storyline.Date, "FY"+strconv.Itoa(y)), true
		}
		return 0, spec{}, false
	}
	y, ok := yearNumber(k)
	if !ok || y < 1500 || y > 2100 {
		return 0, spec{}, false
	}
	// Not a count or an amount: "1998 people", "$2000", "2000 of them".
	prev := d.key(i - 1)
	if prev == "$" || prev == "#" || prev == "no" || prev == "number" || prev == "about" || prev == "some" || prev == "nearly" || prev == "than" {
		return 0, spec{}, false
	}
	nx := d.key(i + 1)
	if _, ok := unitWords[nx]; ok && plural(nx) {
		return 0, spec{}, false // "2000 years" is a count
	}
	switch nx {
	case "%", "percent", "people", "of", "troops", "soldiers", "dollars", "euros", "men", "women", "children", "miles", "km", "feet", "meters", "votes", "tons":
		return 0, spec{}, false
	}
	return i + 1, spec{typ: storyline.Date, kind: kAbs, g: gYear, year: y}, true
}

// decade reads "1990s", "1990's", "'90s", "the nineties".
func (d *doc) decade(i int) (int, spec, bool) {
	k := d.key(i)
	if len(k) == 5 && k[4] == 's' && isDigits(k[:4]) && k[3] == '0' {
		y, _ := strconv.Atoi(k[:4])
		return i + 1, spec{typ: storyline.Date, kind: kAbs, g: gDecade, year: y}, true
	}
	if len(k) == 4 && k[3] == '0' && isDigits(k) && d.key(i+1) == "'s" {
		y, _ := strconv.Atoi(k)
		return i + 2, spec{typ: storyline.Date, kind: kAbs, g: gDecade, year: y}, true
	}
	if (k == "'" || k == "‘" || k == "’") && d.toks[i].end == d.toks[min(i+1, len(d.toks)-1)].start {
		nx := d.key(i + 1)
		if len(nx) == 3 && nx[2] == 's' && isDigits(nx[:2]) && nx[1] == '0' {
			x, _ := strconv.Atoi(nx[:2])
			y := 1900 + x
			if x < 30 {
				y = 2000 + x
			}
			return i + 2, spec{typ: storyline.Date, kind: kAbs, g: gDecade, year: y}, true
		}
	}
	// "the 70s", "70s and 80s"
	if len(k) == 3 && k[2] == 's' && k[1] == '0' && isDigits(k[:2]) {
		switch d.key(i - 1) {
		case "the", "and", "or", "early", "late", "mid", "of", "in", "'", "’", "‘":
			x, _ := strconv.Atoi(k[:2])
			y := 1900 + x
			if x < 30 {
				y = 2000 + x
			}
			return i + 1, spec{typ: storyline.Date, kind: kAbs, g: gDecade, year: y}, true
		}
	}
	if k == "the" {
		tens := map[string]int{"twenties": 1920, "thirties": 1930, "forties": 1940, "fifties": 1950, "sixties": 1960, "seventies": 1970, "eighties": 1980, "nineties": 1990}
		if y, ok := tens[d.key(i+1)]; ok {
			return i + 2, spec{typ: storyline.Date, kind: kAbs, g: gDecade, year: y}, true
		}
	}
	return 0, spec{}, false
}

// century reads "the 20th century", "the twentieth century".
func (d *doc) century(i int) (int, spec, bool) {
	if d.key(i) != "the" {
		return 0, spec{}, false
	}
	k := d.key(i + 1)
	n, ok := ordinalWords[k]
	if !ok {
		if x, ok2 := ordinalDay(k); ok2 && !isDigits(k) {
			n, ok = x, true
		}
	}
	if !ok || n < 1 || d.key(i+2) != "century" {
		return 0, spec{}, false
	}
	return i + 3, spec{typ: storyline.Date, kind: kAbs, g: gCentury, year: (n - 1) * 100}, true
}

// weekdayName reads "Friday".
func (d *doc) weekdayName(i int) (int, spec, bool) {
	k := d.key(i)
	if !weekdayFull[k] || !d.toks[i].upper {
		return 0, spec{}, false
	}
	return i + 1, spec{typ: storyline.Date, kind: kWeekday, weekday: weekdays[k]}, true
}

// relWord reads the deictic words: today, yesterday, now, the future.
func (d *doc) relWord(i int) (int, spec, bool) {
	k := d.key(i)
	day := func(off int) spec { return spec{typ: storyline.Date, kind: kDCT, g: gDay, off: off} }
	switch k {
	case "today":
		return i + 1, day(0), true
	case "yesterday":
		return i + 1, day(-1), true
	case "tomorrow":
		return i + 1, day(1), true
	case "tonight":
		sp := day(0)
		sp.part, sp.typ = "NI", storyline.Time
		return i + 1, sp, true
	case "now", "currently", "nowadays", "presently":
		if k == "now" && d.key(i-1) == "right" {
			return i + 1, lit(storyline.Date, "PRESENT_REF"), true
		}
		return i + 1, lit(storyline.Date, "PRESENT_REF"), true
	case "current":
		return i + 1, lit(storyline.Date, "PRESENT_REF"), true
	case "recently":
		return i + 1, lit(storyline.Date, "PAST_REF"), true
	case "future":
		if d.key(i-1) == "a" {
			return 0, spec{}, false // "a future in which ...": a state, not a time
		}
		return i + 1, lit(storyline.Date, "FUTURE_REF"), true
	case "right":
		if d.key(i+1) == "now" {
			return i + 2, lit(storyline.Date, "PRESENT_REF"), true
		}
	case "at":
		if d.key(i+1) == "present" {
			return i + 2, lit(storyline.Date, "PRESENT_REF"), true
		}
	case "the":
		switch d.key(i + 1) {
		case "future":
			return i + 2, lit(storyline.Date, "FUTURE_REF"), true
		case "past":
			if d.numberOK(i + 2) {
				return 0, spec{}, false
			}
			nx := d.key(i + 2)
			if _, ok := unitWords[nx]; ok {
				return 0, spec{}, false
			}
			return i + 2, lit(storyline.Date, "PAST_REF"), true
		case "present":
			if d.key(i+2) == "day" {
				return i + 3, lit(storyline.Date, "PRESENT_REF"), true
			}
		case "weekend":
			return i + 2, spec{typ: storyline.Date, kind: kWeekend}, true
		case "near", "distant", "foreseeable", "immediate":
			if d.key(i+2) == "future" {
				return i + 3, lit(storyline.Date, "FUTURE_REF"), true
			}
		case "day":
			switch {
			case d.key(i+2) == "before" && d.key(i+3) == "yesterday":
				return i + 4, day(-2), true
			case d.key(i+2) == "after" && d.key(i+3) == "tomorrow":
				return i + 4, day(2), true
			case d.key(i+2) == "after":
				// "the day after his death": the day after the last date.
				return i + 2, spec{typ: storyline.Date, kind: kRef, g: gDay, off: 1}, true
			}
		}
		// "the year before, when ...", "the week after.": one unit from
		// the last date mentioned.
		if u, ok := unitWords[d.key(i+1)]; ok && !plural(d.key(i+1)) && unitGran(u) >= gYear && unitGran(u) <= gDay && u != uQuarter && u != uWeekend {
			nx := d.key(i + 2)
			if (nx == "before" || nx == "after" || nx == "earlier" || nx == "later") && d.sentenceEndAt(i+3) {
				off := 1
				if nx == "before" || nx == "earlier" {
					off = -1
				}
				return i + 3, spec{typ: storyline.Date, kind: kRef, g: unitGran(u), off: off}, true
			}
		}
	}
	return 0, spec{}, false
}

// number reports the value of the first return of d.number only.
func (d *doc) numberOK(i int) bool {
	_, _, _, ok := d.number(i, false)
	return ok
}
