package quote

import "storyline"

func resolveSpeakers(txt string, d *doc, qs []cand, mentions []storyline.Mention) {
}
