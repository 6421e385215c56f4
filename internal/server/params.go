package server

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// paramKind is how a query parameter is read.
type paramKind int

const (
	pString paramKind = iota // free text, at most maxLen bytes
	pDate                    // YYYY-MM-DD
	pLimit                   // 1..maxLimit
	pEnum                    // one of enum
	pCursor                  // an opaque cursor from a previous page
)

const (
	maxLimit     = 200
	defaultLimit = 50
	maxParamLen  = 500
)

// param describes one query parameter of a route: how it is read and,
// for the OpenAPI document, what it means.
type param struct {
	name string
	kind paramKind
	enum []string
	doc  string
}

// The parameters routes share.
var (
	pmLimit  = param{name: "limit", kind: pLimit, doc: "page size, 1 to 200 (default 50)"}
	pmCursor = param{name: "cursor", kind: pCursor, doc: "the next_cursor of the previous page"}
	pmFrom   = param{name: "from", kind: pDate, doc: "first day, YYYY-MM-DD (inclusive)"}
	pmTo     = param{name: "to", kind: pDate, doc: "last day, YYYY-MM-DD (inclusive)"}
	pmOutlet = param{name: "outlet", doc: "the outlet (report source), exactly as stored"}
	pmActor  = param{name: "actor", doc: "an actor id"}
	pmStory  = param{name: "story", doc: "a story id"}
)

// args are the parsed query parameters of one request.
type args struct {
	vals  map[string]string
	limit int
}

func (a args) get(name string) string { return a.vals[name] }

// badParam is a query parameter the request got wrong.
type badParam struct {
	Param string
	Msg   string
}

func (e *badParam) Error() string { return fmt.Sprintf("parameter %s: %s", e.Param, e.Msg) }

// parseArgs reads a raw query string against the parameters a route
// takes. Unknown, repeated or malformed parameters are errors naming the
// parameter; an empty value is the same as no value (what HTML forms
// send for blank fields).
func parseArgs(raw string, spec []param) (args, *badParam) {
	a := args{vals: map[string]string{}, limit: defaultLimit}
	q, err := url.ParseQuery(raw)
	if err != nil {
		name := "query"
		if k, _, ok := strings.Cut(badPart(raw), "="); ok && validName(k) {
			name = k
		}
		return a, &badParam{name, "malformed query string"}
	}
	names := make([]string, 0, len(q))
	for k := range q {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		vs := q[k]
		i := slices.IndexFunc(spec, func(p param) bool { return p.name == k })
		if i < 0 {
			return a, &badParam{printable(k), "unknown parameter"}
		}
		p := spec[i]
		if len(vs) > 1 {
			return a, &badParam{k, "given more than once"}
		}
		v := strings.TrimSpace(vs[0])
		if v == "" {
			continue
		}
		if !utf8.ValidString(v) {
			return a, &badParam{k, "not valid UTF-8"}
		}
		if len(v) > maxParamLen {
			return a, &badParam{k, fmt.Sprintf("longer than %d bytes", maxParamLen)}
		}
		if strings.ContainsFunc(v, func(r rune) bool { return r < 0x20 && r != '\t' || r == 0x7f }) {
			return a, &badParam{k, "contains control characters"}
		}
		switch p.kind {
		case pDate:
			if _, err := time.Parse("2006-01-02", v); err != nil {
				return a, &badParam{k, "not a date YYYY-MM-DD"}
			}
		case pLimit:
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > maxLimit {
				return a, &badParam{k, fmt.Sprintf("not a whole number from 1 to %d", maxLimit)}
			}
			a.limit = n
		case pEnum:
			if !slices.Contains(p.enum, v) {
				return a, &badParam{k, "not one of " + strings.Join(p.enum, ", ")}
			}
		case pCursor:
			if strings.IndexFunc(v, func(r rune) bool {
				return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_')
			}) >= 0 {
				return a, &badParam{k, "not a cursor from a previous page"}
			}
		}
		a.vals[k] = v
	}
	if f, t := a.vals["from"], a.vals["to"]; f != "" && t != "" && f > t {
		return a, &badParam{"to", "before from"}
	}
	return a, nil
}

// badPart returns the first &-separated part of a query that does not
// unescape.
func badPart(raw string) string {
	for part := range strings.SplitSeq(raw, "&") {
		if _, err := url.QueryUnescape(part); err != nil {
			return part
		}
	}
	return ""
}

func validName(s string) bool {
	return s != "" && len(s) <= 40 && !strings.ContainsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-')
	})
}

// printable shortens a parameter name for an error message.
func printable(s string) string {
	if s == "" {
		return "(empty name)"
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	if len(s) > 40 {
		s = s[:40]
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	return s
}
