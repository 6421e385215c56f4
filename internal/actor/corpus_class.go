package actor

import "strings"

// CorpusClass maps an ECB+ entity type (HUMAN_PART_PER, LOC_GEO, ...) to
// the class Cluster takes and the type's sub-kind; other corpora's types
// (MEANTIME gives none) stay unknown.
func CorpusClass(t string) (Class, string) {
	switch {
	case strings.HasPrefix(t, "HUMAN_PART_PER"):
		return ClassPerson, ""
	case strings.HasPrefix(t, "HUMAN_PART_GENERIC"):
		return ClassPerson, "GENERIC"
	case strings.HasPrefix(t, "HUMAN_PART_ORG"):
		return ClassOrg, ""
	case strings.HasPrefix(t, "HUMAN_PART_GPE"):
		return ClassOrg, "GPE"
	case strings.HasPrefix(t, "HUMAN_PART"):
		return ClassThing, strings.TrimPrefix(t, "HUMAN_PART_")
	case strings.HasPrefix(t, "NON_HUMAN_PART"):
		return ClassThing, ""
	case strings.HasPrefix(t, "LOC"):
		return ClassPlace, strings.TrimPrefix(t, "LOC_")
	case strings.HasPrefix(t, "TIME"):
		return ClassTime, strings.TrimPrefix(t, "TIME_")
	}
	return ClassUnknown, ""
}
