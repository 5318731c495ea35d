// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"fmt"
	"strings"
	"testing"
)

// TestOpen311Services checks a GeoReport v2 service list: one document,
// a section per service headed by its name under its group, its
// description the text; codes, flags and keywords are left out.
func TestOpen311Services(t *testing.T) {
	docs, _, err := parseFile("json", []byte(`[
{"service_code":"X-1","service_name":"Laterne defekt","description":"Geben Sie die Nummer am Mast an.","metadata":true,"type":"realtime","keywords":"lampe, licht","group":"Straße"},
{"service_code":"X-2","service_name":"Schlagloch","description":"","metadata":false,"type":"batch","keywords":"loch"}
]`), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("%d documents", len(docs))
	}
	var got []string
	for _, s := range docs[0].sections {
		got = append(got, s.Heading+": "+s.Text)
	}
	want := "Straße › Laterne defekt: Geben Sie die Nummer am Mast an.|Schlagloch: Schlagloch"
	if strings.Join(got, "|") != want {
		t.Errorf("sections %q, want %q", got, want)
	}
	for _, no := range []string{"X-1", "realtime", "lampe"} {
		if strings.Contains(strings.Join(got, "|"), no) {
			t.Errorf("%q is read", no)
		}
	}
	// Records with a service_name but no service_code are no service
	// list; an over-long list is refused.
	if _, ok, _ := parseOpen311([]byte(`[{"service_name":"A","description":"B"}]`)); ok {
		t.Error("a record without service_code taken for Open311")
	}
	var b strings.Builder
	b.WriteString("[")
	for i := range maxOpen311Services + 1 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"service_code":"%d","service_name":"S"}`, i)
	}
	b.WriteString("]")
	if _, ok, err := parseOpen311([]byte(b.String())); !ok || err == nil {
		t.Errorf("over-long list: ok %v, err %v", ok, err)
	}
}
