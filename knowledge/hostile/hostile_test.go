// SPDX-License-Identifier: EUPL-1.2

package hostile

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"io"
	"testing"
)

// The bombs must be valid archives and streams — checksums included — so
// that they test the limits and not a reader's error handling.
func TestBombsAreValid(t *testing.T) {
	const size = 3<<20 + 5
	want := int64(49 << 16) // rounded up to whole 64 KiB blocks
	z, err := ZipBomb("docx", 3, size)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(z), int64(len(z)))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != 3 {
		t.Fatalf("%d entries", len(zr.File))
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		n, err := io.Copy(io.Discard, rc) // checks the CRC at the end
		rc.Close()
		if err != nil || n != want {
			t.Errorf("%s: %d bytes, err %v", f.Name, n, err)
		}
	}
	p, err := PDFBomb(size)
	if err != nil {
		t.Fatal(err)
	}
	start := bytes.Index(p, []byte("stream\n")) + len("stream\n")
	end := bytes.Index(p, []byte("\nendstream"))
	r, err := zlib.NewReader(bytes.NewReader(p[start:end]))
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, r) // checks the Adler-32 at the end
	if err != nil || n != want {
		t.Errorf("PDF stream: %d bytes, err %v", n, err)
	}
	if len(CyclicPDF()) > 1024 {
		t.Errorf("cyclic PDF is %d bytes", len(CyclicPDF()))
	}
}
