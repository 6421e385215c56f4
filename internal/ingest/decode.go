package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// ErrBinary is returned for content that is not text.
var ErrBinary = errors.New("binary content, not text")

// ErrEmpty is returned for content with nothing but white space.
var ErrEmpty = errors.New("empty: no text")

// DecodeText returns b as valid UTF-8 text. A UTF-8 byte-order mark is
// dropped and UTF-16 with a byte-order mark is converted. Text that is not
// valid UTF-8 is repaired only when it is plainly Windows-1252 (Latin-1)
// text: a few accented letters among ASCII words. Anything else that is
// not valid UTF-8, and content with NUL or many control bytes, is refused
// with an error that says why.
func DecodeText(b []byte) (string, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeUTF16(b)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return "", ErrEmpty
	}
	if looksBinary(b) {
		return "", ErrBinary
	}
	if utf8.Valid(b) {
		return string(b), nil
	}
	if s, ok := repairLatin1(b); ok {
		return s, nil
	}
	return "", fmt.Errorf("invalid UTF-8 at byte %d that cannot be repaired", firstInvalid(b))
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// looksBinary reports NUL bytes or more than 1% control bytes other than
// tab, newline, carriage return and form feed in the first 64 KiB.
func looksBinary(b []byte) bool {
	if len(b) > 64<<10 {
		b = b[:64<<10]
	}
	ctl := 0
	for _, c := range b {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			ctl++
		}
	}
	return ctl*100 > len(b)
}

// repairLatin1 decodes b as Windows-1252 when every byte that is not valid
// UTF-8 is a Latin-1 letter or typographic mark standing next to an ASCII
// letter, and such bytes are rare. Random bytes and other encodings fail.
func repairLatin1(b []byte) (string, bool) {
	bad := 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || n > 1 {
			i += n
			continue
		}
		c := b[i]
		letter := c >= 0xC0 && c != 0xD7 && c != 0xF7
		mark := c == 0x91 || c == 0x92 || c == 0x93 || c == 0x94 || c == 0x96 || c == 0x97 || c == 0xA0
		if !letter && !mark {
			return "", false
		}
		if letter && !(i > 0 && isASCIILetter(b[i-1]) || i+1 < len(b) && isASCIILetter(b[i+1])) {
			return "", false
		}
		bad++
		i++
	}
	if bad*20 > len(b) {
		return "", false
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil || !utf8.Valid(out) {
		return "", false
	}
	return string(out), true
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func decodeUTF16(b []byte) (string, error) {
	if len(b)%2 != 0 {
		return "", errors.New("UTF-16 text with an odd number of bytes")
	}
	big := b[0] == 0xFE
	u := make([]uint16, 0, len(b)/2-1)
	for i := 2; i+1 < len(b); i += 2 {
		if big {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	s := string(utf16.Decode(u))
	if len(bytes.TrimSpace([]byte(s))) == 0 {
		return "", ErrEmpty
	}
	return s, nil
}
