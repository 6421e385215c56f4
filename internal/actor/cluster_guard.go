package actor

// maxNames caps the distinct proper names a cluster keeps for the guard.
const maxNames = 12

// mergeNames joins two clusters' name lists, one mention per distinct
// name, at most maxNames.
func mergeNames(a, b []*mention) []*mention {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	out := make([]*mention, 0, min(len(a)+len(b), maxNames))
	seen := map[string]bool{}
	for _, l := range [][]*mention{a, b} {
		for _, m := range l {
			if len(out) < maxNames && !seen[m.norm] {
				seen[m.norm] = true
				out = append(out, m)
			}
		}
	}
	return out
}

// namesAgree tells whether two clusters may be one as far as their proper
// names go: when both have names, some name of one must match some name
// of the other.
func (u *unionFind) namesAgree(ra, rb int) bool {
	if u.names == nil {
		return true
	}
	na, nb := u.names[ra], u.names[rb]
	if len(na) == 0 || len(nb) == 0 {
		return true
	}
	for _, x := range na {
		for _, y := range nb {
			if clusterMatch(x, y, false) {
				return true
			}
		}
	}
	return false
}

// link joins the clusters of a and b by a rule weaker than a name match
// (a pronoun, an appositive, a common noun), unless their names disagree.
func (u *unionFind) link(a, b int) bool {
	ra, rb := u.find(a), u.find(b)
	if ra != rb && !u.namesAgree(ra, rb) {
		return false
	}
	return u.union(a, b)
}

// named tells whether the cluster of a has a proper name (false when
// Cluster does not keep names).
func (u *unionFind) named(a int) bool {
	return u.names != nil && len(u.names[u.find(a)]) > 0
}
