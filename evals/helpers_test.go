// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"os"
	"testing"
)

// mustWrite writes a file or fails the test.
func mustWrite(tb testing.TB, name, content string) {
	tb.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		tb.Fatal(err)
	}
}
