package quote

import (
	"math/bits"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"storyline/internal/text"
)

// TestCueCandBits checks the table cueAndNames reads against cueCand: the
// five bits lie where cueCandShift says, every setting of the bits
// cueCand reads, with the others random, gives the same answer, and
// maybeCue holds the tokens of a report outside quotes cueCand accepts.
func TestCueCandBits(t *testing.T) {
	five := xCueLower | xCueCap | sWord | sLower | sCap
	if bits.TrailingZeros32(five) != cueCandShift || five>>cueCandShift != 31 {
		t.Fatalf("the bits cueCand reads are %#x, not five from bit %d", five, cueCandShift)
	}
	rng := rand.New(rand.NewPCG(17, 18))
	for j := range uint32(64) {
		for range 200 {
			x := rng.Uint32()&^(five|xCueAny) | (j&31)<<cueCandShift
			if j >= 32 {
				x |= xCueAny
			}
			got := cueCandBits>>(x>>cueCandShift&31)&1|x/xCueAny&1 != 0
			if got != cueCand(x) {
				t.Fatalf("x %#x: table %v, cueCand %v", x, got, cueCand(x))
			}
		}
	}
	raw, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, txt := range []string{string(raw), "According to him, Says Who said: it WORKS, SAID he."} {
		d := newDoc(txt, text.Split(txt), new(buffers))
		var want []int32
		for i, x := range d.xf {
			if d.tokReg[i] < 0 && cueCand(x) {
				want = append(want, int32(i))
			}
		}
		if !slices.Equal(d.maybeCue, want) || len(want) == 0 {
			t.Errorf("maybeCue %v, want %v", d.maybeCue, want)
		}
	}
}
