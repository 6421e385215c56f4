package server

import (
	"encoding/json"
	"regexp"
	"strings"
)

// obj is a JSON object of the OpenAPI document.
type obj = map[string]any

func str(desc string) obj { return obj{"type": "string", "description": desc} }
func integer(desc string) obj {
	return obj{"type": "integer", "description": desc}
}
func arr(items any) obj { return obj{"type": "array", "items": items} }
func ref(name string) obj {
	return obj{"$ref": "#/components/schemas/" + name}
}
func object(props obj) obj { return obj{"type": "object", "properties": props} }
func listOf(item string) obj {
	return object(obj{"items": arr(ref(item)), "next_cursor": obj{"type": []string{"string", "null"}, "description": "cursor of the next page; null on the last"}})
}

// schemas describes every record the API answers with.
var schemas = obj{
	"Error": object(obj{"error": object(obj{
		"status": integer("HTTP status"), "code": str("machine-readable code: bad_parameter, not_found, unauthorized, ..."),
		"param": obj{"type": []string{"string", "null"}, "description": "the query parameter at fault"}, "message": str("what went wrong"),
	})}),
	"Story": object(obj{"id": str(""), "title": str(""), "first_seen": str("YYYY-MM-DD"), "last_seen": str("YYYY-MM-DD"),
		"events": arr(str("event id")), "reports": arr(str("report id"))}),
	"Event": object(obj{"id": str(""), "story": str("story id"), "title": str(""), "date": str("YYYY-MM-DD"), "reports": arr(str("report id"))}),
	"Actor": object(obj{"id": str(""), "name": str("canonical name"), "kind": str("person, organisation, place, other"),
		"aliases": arr(str("a surface form seen")), "descriptors": arr(str("e.g. Ukrainian President")),
		"mentions": integer(""), "reports": integer("")}),
	"ReportSummary": object(obj{"id": str(""), "origin": str("file it was read from"), "source": str("outlet; empty when unknown"),
		"url": str(""), "title": str(""), "published": str("YYYY-MM-DD or RFC 3339; empty when unknown"),
		"language": str("ISO 639-1"), "duplicate_of": str("id of the report this one duplicates; empty if none")}),
	"Report": object(obj{"id": str(""), "origin": str(""), "source": str(""), "url": str(""), "title": str(""), "byline": str(""),
		"published": str(""), "language": str(""), "text": str("cleaned text; every start/end is a byte offset into it"),
		"hash": str(""), "duplicate_of": str("")}),
	"Quote": object(obj{"report": str("report id"), "n": integer("number of the quote in its report"),
		"start": integer("byte offset"), "end": integer("byte offset"), "text": str("the quoted words"),
		"kind": str("direct, partial, indirect"), "speaker": str("resolved speaker; empty when unresolved"),
		"speaker_id": str("actor id"), "speaker_text": str("the phrase naming the speaker locally"), "cue": str("said, warned, ..."),
		"group": str("the same statement across reports shares a group"), "date": str("TIMEX3 day of the statement"),
		"report_title": str(""), "report_source": str(""), "report_published": str("")}),
	"Span": object(obj{"start": integer("byte offset"), "end": integer("byte offset"), "text": str(""), "kind": str(""),
		"actor_id": str(""), "value": str("TIMEX3 value (timexes)"), "source": str(""), "target": str("")}),
	"StoryList":  listOf("Story"),
	"EventList":  listOf("Event"),
	"ActorList":  listOf("Actor"),
	"ReportList": listOf("ReportSummary"),
	"QuoteList":  listOf("Quote"),
	"TimelineRow": object(obj{"date": str("YYYY-MM-DD"), "event": str("event id"), "title": str(""),
		"reports": arr(ref("ReportSummary"))}),
	"Timeline": object(obj{"story": str(""), "timeline": arr(ref("TimelineRow"))}),
	"StoryDetail": object(obj{"story": ref("Story"), "timeline": arr(ref("TimelineRow")), "reports": arr(ref("ReportSummary")),
		"outlets": arr(object(obj{"outlet": str(""), "reports": integer("")})),
		"actors":  arr(object(obj{"id": str(""), "name": str(""), "kind": str(""), "mentions": integer("in this story"), "quotes": integer("statements in this story")})),
		"speakers": arr(object(obj{"speaker": str(""), "speaker_id": str(""), "resolved": obj{"type": "boolean"},
			"statements": arr(object(obj{"group": str(""), "text": str(""), "kind": str(""), "date": str(""),
				"reports": arr(object(obj{"id": str("report id"), "title": str(""), "source": str(""), "published": str(""),
					"n": integer(""), "start": integer(""), "end": integer(""), "quote_text": str("the words as this report carries them")}))}))}))}),
	"EventDetail":  object(obj{"event": ref("Event"), "reports": arr(ref("ReportSummary"))}),
	"ReportDetail": object(obj{"report": ref("Report"), "stories": arr(object(obj{"id": str(""), "title": str("")})), "mentions": arr(ref("Span")), "quotes": arr(ref("Quote")), "timexes": arr(ref("Span")), "positions": arr(ref("Span"))}),
	"SearchHit": object(obj{"kind": str("report or quote"), "report": ref("ReportSummary"), "quote": obj{"oneOf": []any{ref("Quote"), obj{"type": "null"}}},
		"snippet": str("the matching passage; … marks cut text"), "highlights": arr(arr(integer("byte offset into snippet"))),
		"rank": obj{"type": "number", "description": "BM25; lower is better"}}),
	"SearchResults": listOf("SearchHit"),
	"IngestResult": object(obj{"added": integer(""), "replaced": integer(""), "unchanged": integer(""), "failed": integer(""),
		"reports":  arr(str("ids of the reports stored")),
		"failures": arr(object(obj{"name": str(""), "error": str("")}))}),
}

var pathParam = regexp.MustCompile(`\{(\w+)\}`)

// openAPI builds the OpenAPI 3.1 document from the route table, so the
// document cannot drift from the routes.
func openAPI(rs []route) ([]byte, error) {
	paths := obj{}
	for _, rt := range rs {
		if rt.api == nil {
			continue
		}
		var ps []any
		for _, m := range pathParam.FindAllStringSubmatch(rt.pattern, -1) {
			ps = append(ps, obj{"name": m[1], "in": "path", "required": true, "schema": obj{"type": "string"}})
		}
		for _, p := range rt.params {
			sch := obj{"type": "string"}
			switch p.kind {
			case pDate:
				sch["format"] = "date"
			case pLimit:
				sch = obj{"type": "integer", "minimum": 1, "maximum": maxLimit, "default": defaultLimit}
			case pEnum:
				sch["enum"] = p.enum
			}
			ps = append(ps, obj{"name": p.name, "in": "query", "required": false, "description": p.doc, "schema": sch})
		}
		okStatus := "200"
		if rt.write {
			okStatus = "201"
		}
		result := obj{"type": "object"}
		if rt.result != "object" {
			result = ref(rt.result)
		}
		resp := obj{
			okStatus: obj{"description": "OK", "content": obj{"application/json": obj{"schema": result}}},
			"400":    obj{"description": "a bad parameter, named in error.param", "content": obj{"application/json": obj{"schema": ref("Error")}}},
			"404":    obj{"description": "no such record", "content": obj{"application/json": obj{"schema": ref("Error")}}},
		}
		op := obj{"summary": rt.summary, "operationId": opID(rt), "responses": resp}
		if len(ps) > 0 {
			op["parameters"] = ps
		}
		if rt.write {
			resp["200"] = obj{"description": "every report was stored already", "content": obj{"application/json": obj{"schema": result}}}
			resp["401"] = obj{"description": "missing or wrong token", "content": obj{"application/json": obj{"schema": ref("Error")}}}
			resp["403"] = obj{"description": "writes disabled (no token configured off loopback) or cross-origin", "content": obj{"application/json": obj{"schema": ref("Error")}}}
			resp["413"] = obj{"description": "body too large", "content": obj{"application/json": obj{"schema": ref("Error")}}}
			resp["422"] = obj{"description": "nothing in the body could be stored", "content": obj{"application/json": obj{"schema": result}}}
			op["requestBody"] = obj{"required": true, "content": obj{
				"application/x-ndjson": obj{"schema": obj{"type": "string", "description": `JSONL: {"id","url","source","title","published","text" or "html"} per line`}},
				"text/plain":           obj{"schema": obj{"type": "string", "description": "one report; a leading short line is its title"}},
				"text/html":            obj{"schema": obj{"type": "string", "description": "a web page"}},
			}}
			op["security"] = []any{obj{"bearer": []any{}}}
		}
		p, _ := paths[rt.pattern].(obj)
		if p == nil {
			p = obj{}
			paths[rt.pattern] = p
		}
		p[strings.ToLower(rt.method)] = op
	}
	doc := obj{
		"openapi": "3.1.0",
		"info": obj{"title": "storyline API", "version": "1",
			"description": "Stories, events, reports, actors and quotes found in news reports, and full-text search over them. Lists are paged with next_cursor; errors are JSON with the parameter at fault."},
		"paths": paths,
		"components": obj{"schemas": schemas,
			"securitySchemes": obj{"bearer": obj{"type": "http", "scheme": "bearer", "description": "needed for writes when the server has a token, and always off loopback"}}},
	}
	return json.MarshalIndent(doc, "", "  ")
}

func opID(rt route) string {
	parts := []string{strings.ToLower(rt.method)}
	for p := range strings.SplitSeq(strings.TrimPrefix(rt.pattern, "/api/v1/"), "/") {
		if m := pathParam.FindStringSubmatch(p); m != nil {
			parts = append(parts, "by_"+m[1])
			continue
		}
		parts = append(parts, strings.NewReplacer(".", "_").Replace(p))
	}
	return strings.Join(parts, "_")
}
