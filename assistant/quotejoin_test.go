// SPDX-License-Identifier: EUPL-1.2

package assistant

import "testing"

func TestQuotesOfOneSectionJoin(t *testing.T) {
	sec := "1. Formular holen.\n2. Ausfüllen.\n3. Abgeben.\n4. Warten.\n5. Abholen."
	tests := []struct {
		name, a, b, want string
	}{
		{"end meets start", "2. Ausfüllen.\n3. Abgeben.", "3. Abgeben.\n4. Warten.", "2. Ausfüllen.\n3. Abgeben.\n4. Warten."},
		{"start meets end", "3. Abgeben.\n4. Warten.", "2. Ausfüllen.\n3. Abgeben.", "2. Ausfüllen.\n3. Abgeben.\n4. Warten."},
		{"apart, in reading order", "4. Warten.", "1. Formular holen.", "1. Formular holen.\n…\n4. Warten."},
		{"adjacent", "2. Ausfüllen.", "3. Abgeben.", "2. Ausfüllen.\n3. Abgeben."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := joinOverlap(tt.a, tt.b)
			if !ok {
				got, ok = inReadingOrder(sec, tt.a, tt.b)
			}
			if !ok || got != tt.want {
				t.Errorf("joined %q and %q to %q (%v), want %q", tt.a, tt.b, got, ok, tt.want)
			}
		})
	}
	if _, ok := inReadingOrder(sec, "2. Ausfüllen.", "3. Abgeb …"); ok {
		t.Error("joined a line cut short that the section does not hold")
	}
	if got := withoutLines("- a\n- b\n- c", "- b"); got != "- a\n…\n- c" {
		t.Errorf("withoutLines = %q", got)
	}
	if got := withoutLines("- b\n…", "- a\n- b"); got != "" {
		t.Errorf("withoutLines of lines all quoted = %q, want none", got)
	}
}
