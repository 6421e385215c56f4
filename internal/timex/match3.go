package timex

import (
	"storyline"
)

// deictic reads expressions led by a deictic word: "last week", "this
// month", "the past two years", "next Friday", "last October", "the
// following day", "that same day", "recent years", "this morning".
func (d *doc) deictic(i int) (int, spec, bool) {
	j := i
	the := false
	if d.key(j) == "the" {
		the = true
		j++
	}
	w := d.key(j)
	switch w {
	case "this", "that", "last", "next", "past", "coming", "previous", "following",
		"current", "recent", "same", "upcoming", "these", "latest", "preceding", "prior":
	default:
		return 0, spec{}, false
	}
	if w == "that" && d.key(j+1) == "same" {
		j++
		w = "same"
	}
	if the && (w == "this" || w == "that" || w == "these") {
		return 0, spec{}, false
	}
	if !the && (w == "same" || w == "following" || w == "preceding") {
		if w != "same" || d.key(j-1) != "that" {
			return 0, spec{}, false
		}
	}
	x := j + 1
	xk := d.key(x)
	// A weekday: "last Friday", "next Monday", "this Sunday".
	if wd, ok := weekdays[xk]; ok && weekdayFull[xk] && !the {
		sp := spec{typ: storyline.Date, kind: kWeekday, weekday: wd}
		switch w {
		case "last", "past", "previous":
			sp.dir, sp.strict = -1, true
		case "next", "coming", "upcoming":
			sp.dir, sp.strict = 1, true
		case "this":
			sp.this = true
		case "that", "same":
			sp.kind = kWeekday
		default:
			return 0, spec{}, false
		}
		return x + 1, sp, true
	}
	// A month: "last October", "next March".
	if m, ok := monthNames[xk]; ok && d.toks[x].upper && len(xk) > 3 && !the {
		sp := spec{typ: storyline.Date, kind: kNeedYear, g: gMonth, month: m}
		switch w {
		case "last", "past", "previous":
			sp.dir, sp.strict = -1, true
		case "next", "coming", "upcoming":
			sp.dir, sp.strict = 1, true
		case "this":
		default:
			return 0, spec{}, false
		}
		return x + 1, sp, true
	}
	// A season: "last fall", "this summer".
	if s, ok := seasons[xk]; ok {
		sp := spec{typ: storyline.Date, kind: kNeedYear, g: gSeason, season: s}
		switch w {
		case "last", "past", "previous":
			sp.dir, sp.strict = -1, true
		case "next", "coming", "upcoming":
			sp.dir, sp.strict = 1, true
		case "this", "current":
		default:
			return 0, spec{}, false
		}
		return x + 1, sp, true
	}
	// A holiday: "last Thanksgiving".
	if hj, hs, ok := d.holidayExpr(x); ok && !the && hs.kind == kNeedYear {
		switch w {
		case "last", "past", "previous":
			hs.dir, hs.strict = -1, true
		case "next", "coming", "upcoming":
			hs.dir, hs.strict = 1, true
		case "this":
		default:
			return 0, spec{}, false
		}
		return hj, hs, true
	}
	// A count: "the past 20 years", "the next six months", "the last three
	// years".
	switch w {
	case "past", "last", "next", "coming", "previous", "following", "first", "recent", "upcoming", "preceding":
		if v, n, vague, ok := d.number(x, false); ok {
			k := x + n
			if d.key(k) == "more" {
				k++
			}
			if u, ok := unitWords[d.key(k)]; ok && u != uQuarter && u != uWeekend {
				return k + 1, durationSpec(v, u, vague), true
			}
		}
	}
	// Parts of the day: "this morning", "last night", "the next morning",
	// "that evening".
	if p, ok := partsOfDay[xk]; ok && xk != "overnight" {
		sp := spec{typ: storyline.Time, kind: kDCT, g: gDay, part: p}
		switch w {
		case "this":
			if the {
				return 0, spec{}, false
			}
		case "last":
			if xk != "night" || the {
				return 0, spec{}, false
			}
			sp.off = -1
		case "that", "same":
			sp.kind = kRef
		case "next", "following":
			if !the {
				return 0, spec{}, false
			}
			sp.kind, sp.off = kRef, 1
		case "previous", "preceding":
			sp.kind, sp.off = kRef, -1
		default:
			return 0, spec{}, false
		}
		return x + 1, sp, true
	}
	u, ok := unitWords[xk]
	if !ok {
		if w == "these" && xk == "days" {
			return x + 1, lit(storyline.Date, "PRESENT_REF"), true
		}
		return 0, spec{}, false
	}
	if plural(xk) {
		switch w {
		case "recent", "coming", "past", "last", "next", "upcoming", "following", "previous", "preceding":
			if u == uWeekend || u == uQuarter {
				return 0, spec{}, false
			}
			return x + 1, durationSpec(0, u, true), true
		case "these":
			if u == uDay {
				return x + 1, lit(storyline.Date, "PRESENT_REF"), true
			}
		}
		return 0, spec{}, false
	}
	g := unitGran(u)
	if u == uHour || u == uMinute || u == uSecond {
		if w == "past" || w == "last" || w == "next" || w == "coming" {
			return x + 1, durationSpec(1, u, false), true
		}
		return 0, spec{}, false
	}
	sp := spec{typ: storyline.Date, kind: kDCT, g: g}
	switch w {
	case "this", "current":
		if u == uDay {
			return 0, spec{}, false
		}
	case "last", "latest":
		if u == uDay {
			if the {
				return x + 1, durationSpec(1, u, false), true
			}
			return 0, spec{}, false
		}
		sp.off = -1
	case "past":
		return x + 1, durationSpec(1, u, false), true
	case "next", "coming", "upcoming":
		if the {
			if u == uDay || u == uWeekend {
				sp.kind, sp.off = kRef, 1
				break
			}
			return x + 1, durationSpec(1, u, false), true
		}
		if u == uDay {
			return 0, spec{}, false
		}
		sp.off = 1
	case "previous", "preceding", "prior":
		sp.kind, sp.off = kRef, -1
	case "following":
		sp.kind, sp.off = kRef, 1
	case "that", "same":
		sp.kind = kRef
	default:
		return 0, spec{}, false
	}
	if u == uWeekend {
		sp.g = gWeekend
	}
	return x + 1, sp, true
}

// extend grows a core match to the right: "three days" + "ago",
// "Friday" + "morning", "9 a.m." + "Tuesday".
func (d *doc) extend(i, j int, sp spec) (int, spec) {
	// Durations anchored by "ago", "later", "earlier", "from now"; not
	// hours and minutes, whose anchor needs a clock time we rarely have.
	if sp.typ == storyline.Duration && sp.g != gNone && !sp.subDay {
		nx := d.key(j)
		switch {
		case nx == "ago":
			return j + 1, agoSpec(sp, kDCT, -1)
		case nx == "before" && d.sentenceEndAt(j+1):
			return j + 1, agoSpec(sp, kRef, -1)
		case nx == "later" || nx == "afterward" || nx == "afterwards" || nx == "after" && d.sentenceEndAt(j+1):
			return j + 1, agoSpec(sp, kRef, 1)
		case nx == "earlier" && d.key(j+1) != "than":
			return j + 1, agoSpec(sp, kRef, -1)
		case nx == "from" && d.key(j+1) == "now":
			return j + 2, agoSpec(sp, kDCT, 1)
		case nx == "hence":
			return j + 1, agoSpec(sp, kDCT, 1)
		}
		return j, sp
	}
	// A month and its year: "February this year", "October last year".
	if (sp.kind == kNeedYear || sp.kind == kWeekday) && sp.holiday == "" && sp.g != gSeason {
		k := j
		if d.key(k) == "of" {
			k++
		}
		off, ok := map[string]int{"this": 0, "last": -1, "next": 1}[d.key(k)]
		if ok && d.key(k+1) == "year" && sp.kind == kNeedYear {
			sp.kind, sp.yearOff = kDCTYear, off
			return k + 2, sp
		}
	}
	// A holiday's week: "Easter week".
	if sp.holiday != "" && sp.g == gDay && d.key(j) == "week" {
		sp.g = gWeek
		return j + 1, sp
	}
	// A day and a part of it: "Friday morning", "yesterday afternoon".
	if sp.part == "" && !sp.clock && sp.typ == storyline.Date && isDayLike(sp) {
		if p, ok := partsOfDay[d.key(j)]; ok && d.key(j) != "overnight" {
			sp.part, sp.typ = p, storyline.Time
			return j + 1, sp
		}
	}
	// A day and its clock time: "Feb. 27, 2025 09:59 AM ET".
	if !sp.clock && sp.part == "" && isDayLike(sp) {
		k := j
		if d.key(k) == "," {
			k++
		}
		if jj, cs, ok := d.clockAfterDate(k); ok && cs.hour < 24 && (d.key(k) != "noon" && d.key(k) != "midnight") {
			sp.clock, sp.hour, sp.minute, sp.typ, sp.utc = true, cs.hour, cs.minute, storyline.Time, cs.utc
			return jj, sp
		}
	}
	// A clock time and its day: "9 a.m. Tuesday", "10 p.m. today".
	if sp.kind == kClock {
		k := j
		if d.key(k) == "," {
			k++
		}
		if jj, ds, ok := d.dayAfterClock(k); ok {
			ds.clock, ds.hour, ds.minute, ds.typ, ds.utc = true, sp.hour, sp.minute, storyline.Time, sp.utc
			return jj, ds
		}
	}
	return j, sp
}

// dayAfterClock reads the day a clock time may be followed by.
func (d *doc) dayAfterClock(j int) (int, spec, bool) {
	c := candidate{i: j}
	c.offer(d.weekdayName(j))
	c.offer(d.calendarDate(j))
	if jj, sp, ok := d.relWord(j); ok && sp.kind == kDCT && sp.part == "" {
		c.offer(jj, sp, true)
	}
	if !c.ok || !isDayLike(c.m.sp) {
		return 0, spec{}, false
	}
	return c.m.j, c.m.sp, true
}

// isDayLike reports whether the spec names one day.
func isDayLike(sp spec) bool {
	switch sp.kind {
	case kWeekday:
		return true
	case kDCT, kRef, kAbs, kNeedYear:
		return sp.g == gDay
	}
	return false
}

// sentenceEndAt reports whether token k ends the clause: punctuation or
// the end of the sentence.
func (d *doc) sentenceEndAt(k int) bool {
	switch d.key(k) {
	case "", ".", ",", ";", ":", "!", "?", "''", "\"", "”", "'", ")":
		return true
	}
	return false
}

// agoSpec turns a duration into an offset from the DCT or the reference:
// "three days ago", "two weeks later".
func agoSpec(dur spec, k kind, sign int) spec {
	sp := spec{typ: storyline.Date, kind: k, g: dur.g, off: sign * dur.off}
	if dur.vague {
		if sign < 0 {
			return lit(storyline.Date, "PAST_REF")
		}
		return lit(storyline.Date, "FUTURE_REF")
	}
	if sp.g == gWeekend {
		sp.g = gWeek
	}
	if sp.g == gDecade {
		sp.g, sp.off = gYear, sp.off*10
	}
	return sp
}

// modifierKind tells which expressions a modifier may precede.
type modifierKind int

const (
	modQuantity modifierKind = iota // "more than", "about": durations and "ago"
	modPoint                        // "early", "late", "mid": dates
	modNear                         // "earlier", "later": "this week", "today", "that day"
	modPart                         // "the end of": dates
)

type modifier struct{ kind modifierKind }

// ok reports whether the modifier may lead the expression sp.
func (m modifier) ok(sp spec) bool {
	switch m.kind {
	case modQuantity:
		return sp.typ == storyline.Duration && !sp.vague || (sp.kind == kDCT || sp.kind == kRef) && sp.off != 0 && sp.part == ""
	case modPoint:
		if sp.typ == storyline.Duration || sp.typ == storyline.Set || sp.kind == kLit || sp.kind == kClock {
			return false
		}
		return true
	case modNear:
		return (sp.kind == kDCT || sp.kind == kRef) && sp.off == 0 && sp.typ == storyline.Date
	case modPart:
		return sp.typ == storyline.Date && sp.kind != kLit && sp.kind != kWeekday
	}
	return false
}

// modifier reads a modifier at i and returns how many tokens it takes.
func (d *doc) modifier(i int) (int, modifier) {
	k := d.key(i)
	nextNum := func(at int) bool {
		nk := d.key(at)
		return d.numberOK(at) || nk == "a" || nk == "an" || isDigits(nk)
	}
	switch k {
	case "more", "less", "fewer":
		if d.key(i+1) == "than" && nextNum(i+2) {
			return 2, modifier{modQuantity}
		}
	case "at":
		if (d.key(i+1) == "least" || d.key(i+1) == "most") && nextNum(i+2) {
			return 2, modifier{modQuantity}
		}
	case "up":
		if d.key(i+1) == "to" && nextNum(i+2) {
			return 2, modifier{modQuantity}
		}
	case "nearly", "almost", "about", "around", "approximately", "roughly", "some", "over", "under", "only", "barely", "just":
		if k == "just" && d.key(i+1) == "over" && nextNum(i+2) {
			return 2, modifier{modQuantity}
		}
		if k == "just" || k == "only" || k == "barely" || k == "over" || k == "under" {
			if k == "over" && (d.key(i+1) == "a" || d.key(i+1) == "an") {
				return 1, modifier{modQuantity}
			}
			return 0, modifier{}
		}
		if nextNum(i + 1) {
			return 1, modifier{modQuantity}
		}
	case "early", "late", "mid":
		return 1, modifier{modPoint}
	case "earlier", "later":
		switch d.key(i + 1) {
		case "this", "that", "today", "tonight":
			return 1, modifier{modNear}
		}
	case "the":
		switch d.key(i + 1) {
		case "end", "beginning", "start", "middle", "close", "turn", "rest", "remainder":
			if d.key(i+2) == "of" {
				return 3, modifier{modPart}
			}
		}
	case "end", "beginning", "start":
		if d.key(i+1) == "of" {
			return 2, modifier{modPart}
		}
	}
	return 0, modifier{}
}
