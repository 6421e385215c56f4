package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// resolver turns partial values into TIMEX3 values in document order,
// carrying the last date mentioned as the reference for "the next day".
type resolver struct {
	d      *doc
	dct    time.Time
	hasDCT bool
	ref    time.Time
	refG   gran
	hasRef bool
}

func newResolver(d *doc, dct time.Time) *resolver {
	r := &resolver{d: d}
	if !dct.IsZero() {
		r.dct = time.Date(dct.Year(), dct.Month(), dct.Day(), 0, 0, 0, 0, time.UTC)
		r.hasDCT = true
		r.ref, r.refG, r.hasRef = r.dct, gDay, true
	}
	return r
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// resolve returns the TIMEX3 value of m, or "" to drop it.
func (r *resolver) resolve(m match) string {
	sp := m.sp
	switch sp.kind {
	case kLit:
		return sp.lit
	case kAbs:
		t, ok := absTime(sp)
		if !ok {
			return ""
		}
		r.setRef(t, sp.g)
		return r.format(t, sp)
	case kNeedYear:
		if !r.hasDCT {
			return underYear(sp)
		}
		// A month or a day named without a year is the nearest one: on
		// AQUAINT and MEANTIME this beats reading the direction off the
		// tense, which only "last"/"next" force.
		t, ok := r.chooseYear(sp, sp.dir)
		if ok && sp.dir == 0 {
			// The tense may overrule the nearest year when it points the
			// other way and the date is well away from the DCT.
			const margin = 60 * 24 * time.Hour // tuned on AQUAINT and MEANTIME: 45–90 days score alike
			s2 := sp
			s2.year = t.Year()
			start, end, _ := interval(s2, t.Year())
			switch tn := r.d.tense(m.i, m.j); {
			case tn < 0 && start.Sub(r.dct) > margin:
				s2.year--
				t, ok = absTime(s2)
			case tn > 0 && r.dct.Sub(end) > margin:
				s2.year++
				t, ok = absTime(s2)
			}
		}
		if !ok {
			return ""
		}
		r.setRef(t, sp.g)
		return r.format(t, sp)
	case kWeekday:
		if !r.hasDCT {
			v := "XXXX-WXX-" + strconv.Itoa(sp.weekday)
			if sp.part != "" {
				v += "T" + sp.part
			}
			return v
		}
		dir := sp.dir
		if dir == 0 && !sp.this {
			dir = r.d.tense(m.i, m.j)
		}
		t := weekdayNear(r.dct, sp.weekday, dir, sp.strict, sp.this)
		if sp.dir == 0 && !sp.this && r.d.key(m.j) == "'s" {
			// "Friday's meeting", "Wednesday's ruling": the nearest one,
			// whatever the tense of the clause.
			back := weekdayNear(r.dct, sp.weekday, -1, false, false)
			fwd := weekdayNear(r.dct, sp.weekday, 1, false, false)
			t = back
			if fwd.Sub(r.dct) < r.dct.Sub(back) {
				t = fwd
			}
		}
		if sp.g == gNone {
			sp.g = gDay
		}
		r.setRef(t, gDay)
		return r.format(t, sp)
	case kDCT, kRef:
		anchor, ag, ok := r.dct, gDay, r.hasDCT
		if sp.kind == kRef {
			anchor, ag, ok = r.ref, r.refG, r.hasRef
		}
		if !ok {
			return under(sp)
		}
		g := sp.g
		if sp.kind == kRef && ag < g && ag != gNone {
			// The reference is coarser than the offset ("that same day"
			// after "last October"): keep what the reference says and
			// leave the rest unknown (1998-10-XX).
			return refUnder(anchor, ag, g)
		}
		if sp.sub != gNone {
			y := anchor.Year() + sp.off
			return fmt.Sprintf("%04d-%s%d", y, map[gran]string{gQuarter: "Q", gHalf: "H"}[sp.sub], sp.quarter)
		}
		t := shift(anchor, g, sp.off)
		sp.g = g
		r.setRef(t, g)
		return r.format(t, sp)
	case kClock:
		if r.hasRef && r.refG == gDay {
			sp.g = gDay
			return r.format(r.ref, sp)
		}
		if r.hasDCT {
			sp.g = gDay
			return r.format(r.dct, sp)
		}
		return fmt.Sprintf("XXXX-XX-XXT%02d:%02d", sp.hour, sp.minute)
	case kDCTYear:
		if !r.hasDCT {
			return underYear(sp)
		}
		sp.year = r.dct.Year() + sp.yearOff
		t, ok := absTime(sp)
		if !ok {
			return ""
		}
		r.setRef(t, sp.g)
		return r.format(t, sp)
	case kWeekend:
		if !r.hasDCT {
			return "XXXX-WXX-WE"
		}
		dir := r.d.tense(m.i, m.j)
		wd := isoWeekday(r.dct)
		t := r.dct
		switch {
		case dir > 0 && wd == 7:
			t = t.AddDate(0, 0, 7)
		case dir <= 0 && wd < 6:
			t = t.AddDate(0, 0, -7)
		}
		sp.g = gWeekend
		return r.format(t, sp)
	}
	return ""
}

// setRef records the last date mentioned.
func (r *resolver) setRef(t time.Time, g gran) {
	if g == gNone {
		return
	}
	r.ref, r.refG, r.hasRef = t, g, true
}

// absTime is the first day of an absolute value.
func absTime(sp spec) (time.Time, bool) {
	switch {
	case sp.holiday != "":
		return holidayDate(sp.holiday, sp.year)
	case sp.g == gQuarter:
		return day(sp.year, 3*(sp.quarter-1)+1, 1), true
	case sp.g == gHalf:
		return day(sp.year, 6*(sp.quarter-1)+1, 1), true
	case sp.g == gSeason:
		return day(sp.year, seasonStart[sp.season], 1), true
	}
	return day(sp.year, max(sp.month, 1), max(sp.day, 1)), true
}

// interval is the span of days [start, end) a value at year y covers.
func interval(sp spec, y int) (time.Time, time.Time, bool) {
	s := sp
	s.year = y
	t, ok := absTime(s)
	if !ok {
		return t, t, false
	}
	switch sp.g {
	case gDay, gWeek, gWeekend:
		return t, t.AddDate(0, 0, 1), true
	case gMonth:
		return t, t.AddDate(0, 1, 0), true
	case gQuarter, gSeason:
		return t, t.AddDate(0, 3, 0), true
	case gHalf:
		return t, t.AddDate(0, 6, 0), true
	}
	return t, t.AddDate(1, 0, 0), true
}

// chooseYear picks the year of a month, day, season or quarter named
// without one: the latest on or before the DCT in the past, the earliest
// on or after it in the future, the nearest when the tense says neither.
func (r *resolver) chooseYear(sp spec, dir int) (time.Time, bool) {
	dct := r.dct
	y := dct.Year()
	if sp.g == gSeason && sp.season == "WI" && dct.Month() <= 2 {
		y-- // January 1999 is in the winter of 1998
	}
	s, e, ok := interval(sp, y)
	if !ok {
		return time.Time{}, false
	}
	switch {
	case dir < 0:
		if sp.strict && e.After(dct) || !sp.strict && s.After(dct) {
			y--
		}
	case dir > 0:
		if sp.strict && !s.After(dct) || !sp.strict && !e.After(dct) {
			y++
		}
	default:
		best, bd := y, time.Duration(-1)
		for _, yy := range []int{y - 1, y, y + 1} {
			s, e, _ := interval(sp, yy)
			var dist time.Duration
			switch {
			case dct.Before(s):
				dist = s.Sub(dct)
			case !dct.Before(e):
				dist = dct.Sub(e) + 24*time.Hour
			}
			if bd < 0 || dist < bd {
				best, bd = yy, dist
			}
		}
		y = best
	}
	s2 := sp
	s2.year = y
	return absTime(s2)
}

// weekdayNear finds the weekday wd nearest the anchor in direction dir
// (the past unless dir > 0).
func weekdayNear(anchor time.Time, wd, dir int, strict, this bool) time.Time {
	aw := isoWeekday(anchor)
	if this {
		return anchor.AddDate(0, 0, wd-aw)
	}
	if dir > 0 {
		delta := (wd - aw + 7) % 7
		if delta == 0 && strict {
			delta = 7
		}
		return anchor.AddDate(0, 0, delta)
	}
	delta := (aw - wd + 7) % 7
	if delta == 0 && strict {
		delta = 7
	}
	return anchor.AddDate(0, 0, -delta)
}

func isoWeekday(t time.Time) int {
	w := int(t.Weekday())
	if w == 0 {
		return 7
	}
	return w
}

// shift moves t by off units of g.
func shift(t time.Time, g gran, off int) time.Time {
	switch g {
	case gDay:
		return t.AddDate(0, 0, off)
	case gWeek, gWeekend:
		return t.AddDate(0, 0, 7*off)
	case gMonth:
		return day(t.Year(), int(t.Month()), 1).AddDate(0, off, 0)
	case gQuarter, gSeason:
		return day(t.Year(), int(t.Month()), 1).AddDate(0, 3*off, 0)
	case gHalf:
		return day(t.Year(), int(t.Month()), 1).AddDate(0, 6*off, 0)
	case gYear:
		return day(t.Year()+off, 1, 1)
	case gDecade:
		return day(t.Year()+10*off, 1, 1)
	case gCentury:
		return day(t.Year()+100*off, 1, 1)
	}
	return t
}

// format writes t at the spec's granularity, with its part of the day or
// clock time.
func (r *resolver) format(t time.Time, sp spec) string {
	if sp.dayShift != 0 && sp.g == gDay {
		t = t.AddDate(0, 0, sp.dayShift)
	}
	y, m, dd := t.Date()
	switch sp.g {
	case gCentury:
		return fmt.Sprintf("%02d", y/100)
	case gDecade:
		return fmt.Sprintf("%03d", y/10)
	case gYear:
		return fmt.Sprintf("%04d", y)
	case gHalf:
		h := 1
		if m > 6 {
			h = 2
		}
		return fmt.Sprintf("%04d-H%d", y, h)
	case gSeason:
		s := sp.season
		if s == "" {
			s = [13]string{"", "WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI"}[m]
		}
		if s == "WI" && m <= 2 {
			y--
		}
		return fmt.Sprintf("%04d-%s", y, s)
	case gQuarter:
		return fmt.Sprintf("%04d-Q%d", y, (int(m)-1)/3+1)
	case gMonth:
		return fmt.Sprintf("%04d-%02d", y, m)
	case gWeek, gWeekend:
		wy, w := t.ISOWeek()
		// Week numbers unpadded ("2000-W7"), as the TempEval-3 training
		// data writes them; ISO 8601 itself would pad to two digits.
		v := fmt.Sprintf("%04d-W%d", wy, w)
		if sp.g == gWeekend {
			v += "-WE"
		}
		return v
	}
	v := fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
	switch {
	case sp.clock:
		v += fmt.Sprintf("T%02d:%02d", sp.hour, sp.minute)
		if sp.utc {
			v += "Z"
		}
	case sp.part != "":
		v += "T" + sp.part
	}
	return v
}

// underYear writes a value whose year is unknown: XXXX-08-22.
func underYear(sp spec) string {
	var v string
	switch sp.g {
	case gDay:
		if sp.holiday != "" {
			t, ok := holidayDate(sp.holiday, 2001)
			if !ok || !fixedHoliday[sp.holiday] {
				v = "XXXX-XX-XX"
			} else {
				v = "XXXX-" + t.Format("01-02")
			}
		} else {
			v = fmt.Sprintf("XXXX-%02d-%02d", sp.month, sp.day)
		}
	case gMonth:
		return fmt.Sprintf("XXXX-%02d", sp.month)
	case gSeason:
		return "XXXX-" + sp.season
	case gQuarter:
		return fmt.Sprintf("XXXX-Q%d", sp.quarter)
	case gHalf:
		return fmt.Sprintf("XXXX-H%d", sp.quarter)
	default:
		return "XXXX"
	}
	if sp.clock {
		v += fmt.Sprintf("T%02d:%02d", sp.hour, sp.minute)
	} else if sp.part != "" {
		v += "T" + sp.part
	}
	return v
}

// under writes a DCT- or reference-relative value when the anchor is
// unknown.
func under(sp spec) string {
	if sp.sub != gNone {
		return fmt.Sprintf("XXXX-%s%d", map[gran]string{gQuarter: "Q", gHalf: "H"}[sp.sub], sp.quarter)
	}
	switch sp.g {
	case gCentury:
		return "XX"
	case gDecade:
		return "XXX"
	case gYear:
		return "XXXX"
	case gHalf:
		return "XXXX-HX"
	case gSeason:
		return "XXXX-XX"
	case gQuarter:
		return "XXXX-QX"
	case gMonth:
		return "XXXX-XX"
	case gWeek:
		return "XXXX-WXX"
	case gWeekend:
		return "XXXX-WXX-WE"
	}
	v := "XXXX-XX-XX"
	if sp.clock {
		v += fmt.Sprintf("T%02d:%02d", sp.hour, sp.minute)
	} else if sp.part != "" {
		v += "T" + sp.part
	}
	return v
}

var fixedHoliday = map[string]bool{
	"christmas": true, "christmas-eve": true, "newyear": true, "newyear-eve": true,
	"halloween": true, "valentine": true, "independence": true, "boxing": true,
	"veterans": true,
}

// holidayDate is the date of a named holiday in year y (US calendar).
func holidayDate(name string, y int) (time.Time, bool) {
	nth := func(m, wd, n int) time.Time { // n-th weekday wd of month m
		t := day(y, m, 1)
		delta := (wd - isoWeekday(t) + 7) % 7
		return t.AddDate(0, 0, delta+7*(n-1))
	}
	switch name {
	case "christmas":
		return day(y, 12, 25), true
	case "christmas-eve":
		return day(y, 12, 24), true
	case "newyear":
		return day(y, 1, 1), true
	case "newyear-eve":
		return day(y, 12, 31), true
	case "halloween":
		return day(y, 10, 31), true
	case "valentine":
		return day(y, 2, 14), true
	case "independence":
		return day(y, 7, 4), true
	case "boxing":
		return day(y, 12, 26), true
	case "veterans":
		return day(y, 11, 11), true
	case "thanksgiving":
		return nth(11, 4, 4), true
	case "election":
		return nth(11, 1, 1).AddDate(0, 0, 1), true
	case "memorial":
		t := nth(5, 1, 4)
		if t.AddDate(0, 0, 7).Month() == 5 {
			t = t.AddDate(0, 0, 7)
		}
		return t, true
	case "labor":
		return nth(9, 1, 1), true
	case "easter", "goodfriday":
		t := easter(y)
		if name == "goodfriday" {
			t = t.AddDate(0, 0, -2)
		}
		return t, true
	}
	return time.Time{}, false
}

// easter is Easter Sunday of year y (the anonymous Gregorian algorithm).
func easter(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	dd := (h+l-7*m+114)%31 + 1
	return day(y, month, dd)
}

// tense reads the tense of the clause around tokens [i, j): the nearest
// cue before the expression, else the nearest after it. It returns -1
// for the past, +1 for the future and 0 when it cannot tell.
func (d *doc) tense(i, j int) int {
	s := d.sents[d.toks[i].sent]
	if i > 0 {
		switch d.toks[i-1].low {
		case "since":
			return -1
		case "until", "till", "before":
			return 1 // a deadline: "postponed until Tuesday"
		}
	}
	// Look at most 40 tokens each way: far enough for a clause, and it
	// keeps a long unpunctuated text linear.
	for k := i - 1; k >= s[0] && k >= i-40; k-- {
		if t, ok := d.cue(k); ok {
			return t
		}
	}
	for k := j; k < s[1] && k < j+40; k++ {
		if t, ok := d.cue(k); ok {
			return t
		}
	}
	return 0
}

// cue reads the tense token k signals, if any.
func (d *doc) cue(k int) (int, bool) {
	w := d.toks[k].low
	prev := ""
	if k > 0 {
		prev = d.toks[k-1].low
	}
	switch {
	case futureCues[w]:
		return 1, true
	case w == "would":
		return 1, true
	case w == "to":
		if futureBeforeTo[prev] {
			return 1, true
		}
		return 0, false
	case w == "has" || w == "have" || w == "had":
		return -1, true
	case presentCues[w]:
		return 0, true
	}
	past := pastIrregular[w] || len(w) > 4 && strings.HasSuffix(w, "ed") && !edNotPast[w]
	if past {
		switch prev {
		case "be", "been", "being", "to":
			return 0, false // a participle: the auxiliary before decides
		}
		return -1, true
	}
	return 0, false
}

// refUnder writes a value finer than its reference knows: a day in a
// known month is YYYY-MM-XX, a day or month in a known year YYYY-XX-XX or
// YYYY-XX.
func refUnder(t time.Time, ag, g gran) string {
	y := fmt.Sprintf("%04d", t.Year())
	if ag < gYear {
		return "XXXX"
	}
	switch g {
	case gMonth:
		return y + "-XX"
	case gWeek, gWeekend:
		return y + "-WXX"
	case gDay:
		if ag >= gMonth && ag != gSeason && ag != gQuarter && ag != gHalf {
			return fmt.Sprintf("%s-%02d-XX", y, t.Month())
		}
		return y + "-XX-XX"
	}
	return y
}
