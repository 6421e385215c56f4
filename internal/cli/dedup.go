package cli

import (
	"storyline/internal/dedup"
	"storyline/internal/pipeline"
)

// newDeduper returns the duplicate finder the cross-report stage uses.
func newDeduper() pipeline.Deduper { return dedup.New() }
