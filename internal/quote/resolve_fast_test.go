package quote

import (
	"strings"
	"testing"

	"storyline/internal/text"
)

var fastPathTexts = []string{
	`“We will not accept it,” Zelenskyy said. NATO's chief -- Mark Rutte -- called it "ironclad".`,
	"The Ukrainian President, Volodymyr Zelenskyy, met the Chinese and British envoys; the Kremlin’s man, Dmitry Peskov, said so.",
	"Trump--who spoke--said: Biden-- A--B x-y-z --- - -- U.S. E.U. IRAN Iran's Korean Arctic Pacific Chinese Ish",
	"soft\u00adhyphen Ab\u00ad\u00adCd dash—dash Ωμέγα-- İstanbul ÉTATS-UNIS Straße’s O'Neil's",
	"Short. A B C D E F G H I J K L M N O P Q R S T U V W X Y Z Last--",
	"--",
	"Mr Smith",
}

// TestResolveFastPaths checks the fast paths of resolve.go against the
// plain statements they stand for, on every token of some texts.
func TestResolveFastPaths(t *testing.T) {
	for _, txt := range fastPathTexts {
		checkResolveFastPaths(t, txt)
	}
}

func FuzzResolveFastPaths(f *testing.F) {
	for _, txt := range fastPathTexts {
		f.Add(txt)
	}
	f.Fuzz(func(t *testing.T, txt string) {
		if len(txt) > 4096 {
			return
		}
		checkResolveFastPaths(t, txt)
	})
}

func checkResolveFastPaths(t *testing.T, txt string) {
	t.Helper()
	d := newDoc(txt, text.Split(txt), new(buffers))
	next := 0
	for i := range d.toks {
		w := d.toks[i].Text
		if got, want := d.hasDoubleDash(i), strings.Contains(w, "--"); got != want {
			t.Errorf("hasDoubleDash(%q) = %v", w, got)
		}
		lt := d.normTok(i)
		if got, want := isDemonym3(lt), isDemonym(lt) && !strings.HasSuffix(lt, "ic"); got != want {
			t.Errorf("isDemonym3(%q) = %v", lt, got)
		}
		_, alias := groupAliases[lt]
		want := alias || isDemonym(lt) && !strings.HasSuffix(lt, "ic") || len(w) >= 2 && isUpperASCII(w) || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
		if got := d.isMod(i); got != want {
			t.Errorf("isMod(%q) = %v", w, got)
		}
		if got := d.isMod(i); got != want {
			t.Errorf("isMod(%q) = %v from the memo", w, got)
		}
		if d.isName(i) {
			if got := d.nextName(next); got != i {
				t.Errorf("nextName(%d) = %d, want %d", next, got, i)
			}
			next = i + 1
		}
	}
	if got := d.nextName(next); got != len(d.toks) {
		t.Errorf("nextName(%d) = %d at the end, want %d", next, got, len(d.toks))
	}
}
