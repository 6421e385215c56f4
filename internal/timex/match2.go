package timex

import (
	"math"
	"strconv"
	"strings"

	"storyline"
)

// unitGran is the calendar granularity of a unit of offset.
func unitGran(u unit) gran {
	switch u {
	case uDay, uHour, uMinute, uSecond:
		return gDay
	case uWeek:
		return gWeek
	case uWeekend:
		return gWeekend
	case uMonth:
		return gMonth
	case uQuarter:
		return gQuarter
	case uYear:
		return gYear
	case uDecade:
		return gDecade
	case uCentury:
		return gCentury
	}
	return gNone
}

// durValue writes a TIMEX3 duration: P3D, PT5H30M, PXY.
func durValue(v float64, u unit, vague bool) string {
	if vague {
		switch u {
		case uSecond:
			return "PTXS"
		case uMinute:
			return "PTXM"
		case uHour:
			return "PTXH"
		case uDay:
			return "PXD"
		case uWeek, uWeekend:
			return "PXW"
		case uMonth, uQuarter:
			return "PXM"
		default:
			return "PXY"
		}
	}
	num := func(x float64) string {
		if x == math.Trunc(x) {
			return strconv.Itoa(int(x))
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	whole := v == math.Trunc(v)
	switch u {
	case uSecond:
		return "PT" + num(v) + "S"
	case uMinute:
		if !whole && v*60 == math.Trunc(v*60) {
			return "PT" + num(v*60) + "S"
		}
		return "PT" + num(v) + "M"
	case uHour:
		if !whole {
			h := math.Trunc(v)
			m := (v - h) * 60
			if m == math.Trunc(m) {
				if h == 0 {
					return "PT" + num(m) + "M"
				}
				return "PT" + num(h) + "H" + num(m) + "M"
			}
		}
		return "PT" + num(v) + "H"
	case uDay:
		if !whole && v*24 == math.Trunc(v*24) {
			return "PT" + num(v*24) + "H"
		}
		return "P" + num(v) + "D"
	case uWeek:
		if !whole && v*7 == math.Trunc(v*7) {
			return "P" + num(v*7) + "D"
		}
		return "P" + num(v) + "W"
	case uWeekend:
		return "P" + num(2*v) + "D"
	case uMonth:
		return "P" + num(v) + "M"
	case uQuarter:
		return "P" + num(3*v) + "M"
	case uYear:
		if !whole && v*12 == math.Trunc(v*12) {
			return "P" + num(v*12) + "M"
		}
		return "P" + num(v) + "Y"
	case uDecade:
		return "P" + num(10*v) + "Y"
	case uCentury:
		return "P" + num(100*v) + "Y"
	}
	return ""
}

// durationSpec builds the spec of a duration of v units.
func durationSpec(v float64, u unit, vague bool) spec {
	sp := lit(storyline.Duration, durValue(v, u, vague))
	sp.g = unitGran(u)
	sp.unit = u
	sp.off = int(math.Round(v))
	sp.vague = vague
	switch u {
	case uDecade:
		sp.g, sp.off = gYear, int(math.Round(10*v))
	case uCentury:
		sp.g, sp.off = gYear, int(math.Round(100*v))
	case uHour, uMinute, uSecond:
		sp.off = 0
		sp.subDay = true
	}
	return sp
}

// duration reads "three days", "5 1/2 hours", "a month", "16-hour",
// "decades-long".
func (d *doc) duration(i int) (int, spec, bool) {
	if j, sp, ok := d.hyphenDuration(i); ok {
		return j, sp, true
	}
	v, n, vague, ok := d.number(i, true)
	if !ok {
		return 0, spec{}, false
	}
	k := i + n
	switch d.key(k) {
	case "more", "additional", "full", "straight", "consecutive", "long", "extra", "whole", "entire":
		k++
	}
	uk := d.key(k)
	u, ok := unitWords[uk]
	if !ok || u == uQuarter || u == uWeekend {
		return 0, spec{}, false
	}
	first := d.key(i)
	if (first == "a" || first == "an") && n == 1 && plural(uk) {
		return 0, spec{}, false
	}
	if v >= 1000 && !plural(uk) {
		return 0, spec{}, false // "World Cup 2018 day five"
	}
	if !vague && v > 1 && !plural(uk) && !isDigits(first) && d.key(k+1) != "-" {
		// "six year" is rare but real; "one day" is fine; "two day" only
		// as a compound, which the tokenizer keeps whole.
		if first == "a" {
			return 0, spec{}, false
		}
	}
	if d.key(k+1) == "old" || d.key(k+1) == "-old" {
		return 0, spec{}, false
	}
	if d.toks[k].upper && !d.toks[i].upper {
		return 0, spec{}, false // "60 Minutes", the programme
	}
	if u == uSecond && first == "a" {
		return 0, spec{}, false
	}
	return k + 1, durationSpec(v, u, vague), true
}

// hyphenDuration reads compounds the tokenizer keeps whole: "16-hour",
// "two-day", "day-long", "decades-long", "yearlong".
func (d *doc) hyphenDuration(i int) (int, spec, bool) {
	k := d.key(i)
	switch k {
	case "yearlong":
		return i + 1, durationSpec(1, uYear, false), true
	case "monthlong":
		return i + 1, durationSpec(1, uMonth, false), true
	case "weeklong":
		return i + 1, durationSpec(1, uWeek, false), true
	case "daylong":
		return i + 1, durationSpec(1, uDay, false), true
	}
	if strings.IndexByte(k, '-') < 0 {
		return 0, spec{}, false
	}
	parts := strings.Split(k, "-")
	if parts[len(parts)-1] == "old" {
		return 0, spec{}, false
	}
	if parts[len(parts)-1] == "long" {
		parts = parts[:len(parts)-1]
		if len(parts) == 1 {
			u, ok := unitWords[parts[0]]
			if !ok {
				return 0, spec{}, false
			}
			return i + 1, durationSpec(1, u, plural(parts[0])), true
		}
	}
	if len(parts) == 3 {
		if x, ok := wordNumber(parts[0] + "-" + parts[1]); ok {
			parts = []string{strconv.Itoa(x), parts[2]}
		}
	}
	if len(parts) != 2 {
		return 0, spec{}, false
	}
	u, ok := unitWords[parts[1]]
	if !ok || plural(parts[1]) || u == uWeekend {
		return 0, spec{}, false
	}
	var v float64
	switch {
	case isDigits(parts[0]) && len(parts[0]) <= 4:
		x, _ := strconv.Atoi(parts[0])
		v = float64(x)
	case isDecimal(parts[0]):
		v, _ = strconv.ParseFloat(parts[0], 64)
	default:
		x, ok := wordNumber(parts[0])
		if !ok {
			return 0, spec{}, false
		}
		v = float64(x)
	}
	if u == uQuarter {
		return 0, spec{}, false
	}
	if nx := d.key(i + 1); nx == "-old" || nx == "old" {
		return 0, spec{}, false
	}
	return i + 1, durationSpec(v, u, false), true
}

// barePlural reads "years" in "for years", "weeks" in "for weeks".
func (d *doc) barePlural(i int) (int, spec, bool) {
	k := d.key(i)
	u, ok := unitWords[k]
	if !ok || !plural(k) || u == uWeekend || u == uQuarter {
		return 0, spec{}, false
	}
	switch d.key(i - 1) {
	case "for", "within":
	default:
		// "in the weeks before the shooting", "days after the attack",
		// "in the years that followed".
		switch d.key(i + 1) {
		case "that", "since", "following":
			if !d.numberOK(i - 1) {
				break
			}
			fallthrough
		default:
			return 0, spec{}, false
		}
	}
	if d.key(i+1) == "of" || d.key(i+1) == "and" && d.key(i+2) == "years" {
		return 0, spec{}, false
	}
	return i + 1, durationSpec(0, u, true), true
}

// set reads frequencies: "daily", "every week", "twice a year", "$1
// billion a year".
func (d *doc) set(i int) (int, spec, bool) {
	k := d.key(i)
	if v, ok := setWords[k]; ok {
		return i + 1, lit(storyline.Set, v), true
	}
	switch k {
	case "every", "each":
		j := i + 1
		step := 1.0
		if d.key(j) == "other" {
			step, j = 2, j+1
		} else if v, n, vague, ok := d.number(j, false); ok && !vague {
			step, j = v, j+n
		}
		nk := d.key(j)
		if u, ok := unitWords[nk]; ok && u != uQuarter {
			if u == uWeekend {
				return j + 1, lit(storyline.Set, "XXXX-WXX-WE"), true
			}
			return j + 1, lit(storyline.Set, durValue(step, u, false)), true
		}
		if wd, ok := weekdays[nk]; ok && weekdayFull[nk] {
			return j + 1, lit(storyline.Set, "XXXX-WXX-"+strconv.Itoa(wd)), true
		}
		if p, ok := partsOfDay[nk]; ok {
			return j + 1, lit(storyline.Set, "XXXX-XX-XXT"+p), true
		}
		if m, ok := monthNames[nk]; ok && d.toks[j].upper {
			return j + 1, lit(storyline.Set, "XXXX-"+pad2(m)), true
		}
		return 0, spec{}, false
	case "once", "twice", "thrice":
		j := i + 1
		switch d.key(j) {
		case "a", "an", "per", "every", "each":
			if u, ok := unitWords[d.key(j+1)]; ok && !plural(d.key(j+1)) && u != uQuarter && u != uWeekend {
				return j + 2, lit(storyline.Set, durValue(1, u, false)), true
			}
		}
		return 0, spec{}, false
	case "a", "per", "an":
		u, ok := unitWords[d.key(i+1)]
		if !ok || plural(d.key(i+1)) || u == uQuarter || u == uWeekend {
			return 0, spec{}, false
		}
		switch d.key(i + 2) {
		case "ago", "later", "earlier", "before", "after", "or", "of", "and", "-", "long", "old", "when", "in":
			return 0, spec{}, false
		}
		p := d.key(i - 1)
		if k == "per" || p == "times" || isDigits(strings.ReplaceAll(p, ",", "")) || strings.HasSuffix(p, "illion") || p == "%" || p == "percent" || p == "hours" || p == "interviews" || p == "calls" {
			return i + 2, lit(storyline.Set, durValue(1, u, false)), true
		}
	}
	return 0, spec{}, false
}

func pad2(x int) string {
	if x < 10 {
		return "0" + strconv.Itoa(x)
	}
	return strconv.Itoa(x)
}

// ampm reads "a.m.", "pm", "AM".
func ampm(k string) (pm, ok bool) {
	switch k {
	case "a.m", "am", "a.m.":
		return false, true
	case "p.m", "pm", "p.m.":
		return true, true
	}
	return false, false
}

// clockAfterDate reads the clock time that may follow a date: what
// clockTime reads, and also a bare "09:59" ("2025-02-27 09:59").
func (d *doc) clockAfterDate(i int) (int, spec, bool) {
	if j, sp, ok := d.clockTime(i); ok {
		return j, sp, ok
	}
	k := d.key(i)
	a, b, ok := strings.Cut(k, ":")
	if !ok || len(a) < 1 || len(a) > 2 || len(b) != 2 || !isDigits(a) || !isDigits(b) {
		return 0, spec{}, false
	}
	h, _ := strconv.Atoi(a)
	m, _ := strconv.Atoi(b)
	if h > 23 || m > 59 {
		return 0, spec{}, false
	}
	return i + 1, spec{typ: storyline.Time, kind: kClock, clock: true, hour: h, minute: m}, true
}

// clockTime reads "10:35 a.m.", "9 a.m.", "noon", "4 in the morning".
func (d *doc) clockTime(i int) (int, spec, bool) {
	k := d.key(i)
	sp := spec{typ: storyline.Time, kind: kClock, clock: true}
	switch k {
	case "noon", "midday":
		if d.key(i-1) == "high" {
			return 0, spec{}, false // "High Noon", the film and the idiom
		}
		sp.hour = 12
		return i + 1, sp, true
	case "midnight":
		sp.hour = 24
		return i + 1, sp, true
	}
	h, m := -1, 0
	if a, b, ok := strings.Cut(k, ":"); ok && len(a) >= 1 && len(a) <= 2 && isDigits(a) && len(b) >= 2 && isDigits(b[:2]) {
		if len(b) != 2 && !(len(b) == 5 && b[2] == ':' && isDigits(b[3:])) {
			return 0, spec{}, false
		}
		h, _ = strconv.Atoi(a)
		m, _ = strconv.Atoi(b[:2])
		if h > 24 || m > 59 {
			return 0, spec{}, false
		}
	} else if isDigits(k) && len(k) <= 2 {
		h, _ = strconv.Atoi(k)
		if h < 1 || h > 12 {
			return 0, spec{}, false
		}
	} else {
		return 0, spec{}, false
	}
	j := i + 1
	hasMark := false
	if pm, ok := ampm(d.key(j)); ok {
		hasMark = true
		if h > 12 {
			return 0, spec{}, false
		}
		if pm && h < 12 {
			h += 12
		}
		if !pm && h == 12 {
			h = 0
		}
		j++
	} else if d.key(j) == "o'clock" {
		hasMark = true
		j++
	} else if d.key(j) == "in" && d.key(j+1) == "the" {
		if p, ok := partsOfDay[d.key(j+2)]; ok && h <= 12 {
			hasMark = true
			if (p == "AF" || p == "EV" || p == "NI" && h >= 6) && h < 12 {
				h += 12
			}
			j += 3
		}
	}
	if !hasMark && !strings.Contains(k, ":") {
		return 0, spec{}, false
	}
	if !hasMark {
		// "10:35" alone: only a clock when a zone or a day follows or
		// "at" precedes.
		if !timeZones[d.key(j)] && d.key(i-1) != "at" && d.key(i-1) != "by" && d.key(i-1) != "until" {
			return 0, spec{}, false
		}
	}
	if timeZones[d.key(j)] && d.toks[j].upper {
		switch d.key(j) {
		case "utc", "gmt", "z":
			if !(d.key(j+1) == "(" || d.key(j+1) == "+" || strings.HasPrefix(d.key(j+1), "+") || strings.HasPrefix(d.key(j+1), "-")) {
				sp.utc = true
			}
		}
		j++
	}
	sp.hour, sp.minute = h, m
	return j, sp, true
}

// seasonExpr reads "spring", "the summer of 2024", "winter 1998".
func (d *doc) seasonExpr(i int) (int, spec, bool) {
	k := d.key(i)
	s, ok := seasons[k]
	if !ok {
		return 0, spec{}, false
	}
	j := i + 1
	kk := j
	if d.key(kk) == "of" {
		kk++
	}
	if y, ok := yearNumber(d.key(kk)); ok {
		return kk + 1, spec{typ: storyline.Date, kind: kAbs, g: gSeason, year: y, season: s}, true
	}
	if d.key(j) == "of" {
		return 0, spec{}, false
	}
	switch d.key(i - 1) {
	case "in", "this", "last", "next", "early", "late", "mid", "the", "during", "since", "until", "by", "past":
	default:
		return 0, spec{}, false
	}
	if k == "fall" && d.key(i-1) == "the" {
		return 0, spec{}, false
	}
	return j, spec{typ: storyline.Date, kind: kNeedYear, g: gSeason, season: s}, true
}

// quarterExpr reads "the third quarter [of 2009]", "third-quarter",
// "Q3 2009", "the first half of 2009".
func (d *doc) quarterExpr(i int) (int, spec, bool) {
	j := i
	if d.key(j) == "the" {
		j++
	}
	k := d.key(j)
	q, g := 0, gQuarter
	next := j + 1
	if a, b, ok := strings.Cut(k, "-"); ok && (b == "quarter" || b == "half") {
		if n, ok := ordinalWords[a]; ok {
			q = n
			if b == "half" {
				g = gHalf
			}
		}
	} else if len(k) == 2 && k[0] == 'q' && k[1] >= '1' && k[1] <= '4' {
		q = int(k[1] - '0')
	} else if n, ok := ordinalWords[k]; ok && (d.key(j+1) == "quarter" || d.key(j+1) == "half") {
		q = n
		if d.key(j+1) == "half" {
			g = gHalf
		}
		next = j + 2
	}
	max := 4
	if g == gHalf {
		max = 2
	}
	if q == 0 || q > max {
		return 0, spec{}, false
	}
	last := q < 0 // "the final quarter", "the last quarter"
	// The year: "of 2009", "2009", "of this year", "of last year".
	kk := next
	if d.key(kk) == "of" || d.key(kk) == "," {
		kk++
	}
	if last && (d.key(next) == "of" || isDigits(d.key(kk))) {
		q = max // "the final quarter of 2009" is its fourth
	}
	if y, ok := yearNumber(d.key(kk)); ok && q > 0 {
		return kk + 1, spec{typ: storyline.Date, kind: kAbs, g: g, year: y, quarter: q}, true
	}
	if d.key(kk) == "fiscal" && q > 0 {
		if y, ok := yearNumber(d.key(kk + 1)); ok {
			return kk + 2, spec{typ: storyline.Date, kind: kAbs, g: g, year: y, quarter: q}, true
		}
	}
	if d.key(next) == "of" && d.key(kk+1) == "year" {
		off, ok := map[string]int{"this": 0, "last": -1, "next": 1, "the": 0}[d.key(kk)]
		if ok && q > 0 {
			return kk + 2, spec{typ: storyline.Date, kind: kDCT, g: gYear, off: off, quarter: q, sub: g}, true
		}
	}
	if q < 0 {
		if i == j {
			return 0, spec{}, false
		}
		return next, spec{typ: storyline.Date, kind: kDCT, g: g, off: -1}, true
	}
	if g == gHalf && i == j && !strings.Contains(k, "-") {
		return 0, spec{}, false
	}
	return next, spec{typ: storyline.Date, kind: kNeedYear, g: g, quarter: q}, true
}

// holidayExpr reads "Christmas", "New Year's Day", "Thanksgiving Day",
// "Election Day", with an optional year.
func (d *doc) holidayExpr(i int) (int, spec, bool) {
	if !d.toks[min(i, len(d.toks)-1)].upper {
		return 0, spec{}, false
	}
	k := d.key(i)
	name, j := "", i
	switch k {
	case "christmas":
		name, j = "christmas", i+1
		switch d.key(j) {
		case "day":
			j++
		case "eve":
			name, j = "christmas-eve", j+1
		}
	case "thanksgiving", "easter", "halloween":
		name, j = k, i+1
		if d.key(j) == "day" || k == "easter" && (d.key(j) == "sunday") {
			j++
		}
	case "new":
		if d.key(i+1) == "year" && d.key(i+2) == "'s" {
			switch d.key(i + 3) {
			case "day":
				name, j = "newyear", i+4
			case "eve":
				name, j = "newyear-eve", i+4
			}
		}
	case "election", "independence", "memorial", "labor", "veterans", "boxing":
		if d.key(i+1) == "day" && d.toks[i+1].upper {
			name, j = k, i+2
		}
	case "valentine":
		if d.key(i+1) == "'s" && d.key(i+2) == "day" {
			name, j = "valentine", i+3
		}
	case "good":
		if d.key(i+1) == "friday" && d.toks[i+1].upper {
			name, j = "goodfriday", i+2
		}
	}
	if name == "" {
		return 0, spec{}, false
	}
	kk := j
	if d.key(kk) == "," {
		kk++
	}
	if y, ok := yearNumber(d.key(kk)); ok {
		return kk + 1, spec{typ: storyline.Date, kind: kAbs, g: gDay, year: y, holiday: name}, true
	}
	return j, spec{typ: storyline.Date, kind: kNeedYear, g: gDay, holiday: name}, true
}

// hyphenPrefixed reads one-token forms "mid-1990s", "late-November",
// "mid-2011", "post-1959".
func (d *doc) hyphenPrefixed(i int) (int, spec, bool) {
	a, b, ok := strings.Cut(d.key(i), "-")
	if !ok {
		return 0, spec{}, false
	}
	switch a {
	case "mid", "early", "late", "post", "pre":
	default:
		return 0, spec{}, false
	}
	if m, ok := monthNames[b]; ok && len(b) > 3 {
		return i + 1, spec{typ: storyline.Date, kind: kNeedYear, g: gMonth, month: m}, true
	}
	if y, ok := yearNumber(b); ok {
		return i + 1, spec{typ: storyline.Date, kind: kAbs, g: gYear, year: y}, true
	}
	if len(b) == 5 && b[4] == 's' && isDigits(b[:4]) && b[3] == '0' {
		y, _ := strconv.Atoi(b[:4])
		return i + 1, spec{typ: storyline.Date, kind: kAbs, g: gDecade, year: y}, true
	}
	if s, ok := seasons[b]; ok {
		return i + 1, spec{typ: storyline.Date, kind: kNeedYear, g: gSeason, season: s}, true
	}
	return 0, spec{}, false
}

// weekOf reads "the week of March 6" (the ISO week), "the morning of
// March 6" and "the day before [last] Tuesday".
func (d *doc) weekOf(i int) (int, spec, bool) {
	j := i
	if d.key(j) == "the" {
		j++
	}
	head := d.key(j)
	var sp spec
	var ok bool
	var k int
	switch head {
	case "week", "weekend", "morning", "afternoon", "evening", "night":
		if d.key(j+1) != "of" {
			return 0, spec{}, false
		}
		k, sp, ok = d.dayAt(j + 2)
		if !ok {
			return 0, spec{}, false
		}
		switch head {
		case "week":
			sp.g = gWeek
		case "weekend":
			sp.g = gWeekend
		default:
			sp.part, sp.typ = partsOfDay[head], storyline.Time
		}
		return k, sp, true
	case "day":
		dir := 0
		switch d.key(j + 1) {
		case "before":
			dir = -1
		case "after":
			dir = 1
		default:
			return 0, spec{}, false
		}
		k, sp, ok = d.dayAt(j + 2)
		if !ok {
			return 0, spec{}, false
		}
		sp.dayShift = dir
		return k, sp, true
	}
	return 0, spec{}, false
}

// dayAt reads an expression naming one day at i.
func (d *doc) dayAt(i int) (int, spec, bool) {
	c := candidate{i: i}
	c.offer(d.calendarDate(i))
	c.offer(d.weekdayName(i))
	c.offer(d.iso(i))
	c.offer(d.slashDate(i))
	c.offer(d.deictic(i))
	c.offer(d.relWord(i))
	c.offer(d.holidayExpr(i))
	if !c.ok || !isDayLike(c.m.sp) || c.m.sp.part != "" {
		return 0, spec{}, false
	}
	return c.m.j, c.m.sp, true
}
