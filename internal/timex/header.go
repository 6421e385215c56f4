package timex

import (
	"strconv"
	"strings"
	"time"
)

// DateFromURL reads a publication date from a URL's path: "/2025/08/22/",
// "/2025/aug/22/", "/2025-08-22/" or "-2025-08-22-" anywhere in the path,
// or "/20250822/". It returns midnight UTC of that day.
func DateFromURL(url string) (time.Time, bool) {
	// Drop the scheme and host, the query and the fragment.
	s := url
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
		if j := strings.IndexByte(s, '/'); j >= 0 {
			s = s[j:]
		} else {
			return time.Time{}, false
		}
	}
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i]
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' })
	// /2025/08/22/ and /2025/aug/22/
	for i := 0; i+2 < len(parts); i++ {
		y, ok := urlYear(parts[i])
		if !ok {
			continue
		}
		m, ok := urlMonth(parts[i+1])
		if !ok {
			continue
		}
		if d, ok := urlDay(parts[i+2], m); ok {
			return day(y, m, d), true
		}
	}
	// 2025-08-22 or 2025_08_22 inside a segment, or a segment of 20250822.
	for _, p := range parts {
		for i := 0; i+10 <= len(p); i++ {
			if i > 0 && isDigit(p[i-1]) {
				continue
			}
			c := p[i+4]
			if (c != '-' && c != '_') || p[i+7] != c || i+10 < len(p) && isDigit(p[i+10]) {
				continue
			}
			y, ok1 := urlYear(p[i : i+4])
			m, ok2 := urlMonth(p[i+5 : i+7])
			if !ok1 || !ok2 {
				continue
			}
			if d, ok := urlDay(p[i+8:i+10], m); ok {
				return day(y, m, d), true
			}
		}
		if len(p) == 8 && isDigits(p) {
			y, ok1 := urlYear(p[:4])
			m, ok2 := urlMonth(p[4:6])
			if d, ok3 := urlDay(p[6:], m); ok1 && ok2 && ok3 {
				return day(y, m, d), true
			}
		}
	}
	return time.Time{}, false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func urlYear(s string) (int, bool) {
	if len(s) != 4 || !isDigits(s) {
		return 0, false
	}
	y, _ := strconv.Atoi(s)
	return y, y >= 1990 && y <= 2100
}

func urlMonth(s string) (int, bool) {
	if isDigits(s) && len(s) <= 2 {
		m, _ := strconv.Atoi(s)
		return m, m >= 1 && m <= 12
	}
	m, ok := monthNames[strings.ToLower(s)]
	return m, ok
}

func urlDay(s string, m int) (int, bool) {
	if !isDigits(s) || len(s) > 2 || s == "" {
		return 0, false
	}
	d, _ := strconv.Atoi(s)
	return d, validDay(m, d)
}

// zoneOffsets are the UTC offsets, in hours, of the zone names date lines
// use. "ET" and "PT" are taken as standard time: a line does not say
// whether summer time applied.
var zoneOffsets = map[string]int{
	"utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "et": -5, "cst": -6,
	"cdt": -5, "ct": -6, "mst": -7, "mdt": -6, "mt": -7, "pst": -8, "pdt": -7,
	"pt": -8, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "msk": 3,
	"ist": 5, "jst": 9, "aest": 10,
}

// ParseDateLine reads the first complete calendar date (with its year) in
// a date line or header: "Feb. 27, 2025 09:59 AM ET", "date 2025-02-27",
// "August 22, 2025", "22 Aug 2025", "Fri, 22 Aug 2025 09:59:00 GMT",
// "2025-08-22T09:59:00Z". A clock time right after the date (and its zone,
// when named) is kept; otherwise the result is midnight UTC.
func ParseDateLine(s string) (time.Time, bool) {
	if len(s) > 4096 {
		s = s[:4096]
	}
	f := strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, time.RFC3339Nano, time.RFC1123Z, time.RFC1123, time.RFC850} {
		if t, err := time.Parse(layout, f); err == nil && t.Year() >= 1900 && t.Year() <= 2100 {
			return t, true
		}
	}
	d := newDoc(s)
	for _, sent := range d.sents {
		d.lo, d.hi = sent[0], sent[1]
		for i := sent[0]; i < sent[1]; i++ {
			c := candidate{i: i}
			c.offer(d.calendarDate(i))
			c.offer(d.iso(i))
			c.offer(d.slashDate(i))
			if !c.ok || c.m.sp.kind != kAbs || c.m.sp.g != gDay || c.m.sp.holiday != "" {
				continue
			}
			sp := c.m.sp
			if sp.year < 1900 || sp.year > 2100 {
				continue
			}
			loc := time.UTC
			h, mi := 0, 0
			if sp.clock {
				h, mi = sp.hour, sp.minute
			} else {
				j := c.m.j
				if k := d.key(j); k == "," || k == "at" || k == "-" || k == "|" || k == "·" {
					j++
				}
				if jj, cs, ok := d.clockAfterDate(j); ok && cs.hour < 24 {
					h, mi = cs.hour, cs.minute
					if z, ok := zoneOffsets[d.key(jj-1)]; ok {
						loc = time.FixedZone(strings.ToUpper(d.key(jj-1)), z*3600)
					}
				}
			}
			if sp.clock && strings.HasSuffix(d.key(i), "z") {
				loc = time.UTC // 2025-08-22T09:59Z
			}
			d.lo, d.hi = 0, len(d.toks)
			return time.Date(sp.year, time.Month(sp.month), sp.day, h, mi, 0, 0, loc), true
		}
	}
	d.lo, d.hi = 0, len(d.toks)
	return time.Time{}, false
}

// DateFromText looks for a date line among the first lines of a report's
// text ("date 2025-02-27", "GENEVA, March 14, 2025 --", a byline's
// "Feb. 27, 2025 09:59 AM ET") and returns the first complete date found.
func DateFromText(text string) (time.Time, bool) {
	lines := 0
	for len(text) > 0 && lines < 6 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		lines++
		if len(line) > 400 {
			line = line[:400]
		}
		if t, ok := ParseDateLine(line); ok {
			return t, true
		}
	}
	return time.Time{}, false
}
