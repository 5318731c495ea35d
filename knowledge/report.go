// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"fmt"
	"io"
	"slices"
	"text/tabwriter"
	"time"
)

// IndexReport describes the index a Base serves: what was loaded, what was
// skipped and why, and whether it was rebuilt or loaded from the data
// directory.
type IndexReport struct {
	Files          map[string]int // files loaded per format (md, pdf, …)
	Documents      int            // documents, counting each feed item and JSON entry
	Chunks         int            // retrievable chunks
	Skipped        []Skipped      // files not indexed, with reasons
	Duration       time.Duration  // time to build, or to load from disk
	LoadedFromDisk bool           // true when the persisted index was reused
	BuiltAt        time.Time      // when the index was built (UTC)
}

// WriteTable prints the report as a human-readable table, as shown by
// `lotse index`.
func (r IndexReport) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	origin := "neu aufgebaut"
	if r.LoadedFromDisk {
		origin = "von der Platte geladen"
	}
	fmt.Fprintf(tw, "Index\t%s in %s\n", origin, r.Duration.Round(time.Millisecond))
	fmt.Fprintf(tw, "Dokumente\t%d\n", r.Documents)
	fmt.Fprintf(tw, "Abschnitte (Chunks)\t%d\n", r.Chunks)
	fmt.Fprintln(tw, "\t")
	fmt.Fprintln(tw, "Format\tDateien")
	formats := make([]string, 0, len(r.Files))
	total := 0
	for f, n := range r.Files {
		formats = append(formats, f)
		total += n
	}
	slices.Sort(formats)
	for _, f := range formats {
		fmt.Fprintf(tw, "%s\t%d\n", f, r.Files[f])
	}
	fmt.Fprintf(tw, "gesamt\t%d\n", total)
	fmt.Fprintln(tw, "\t")
	fmt.Fprintf(tw, "Übersprungen\t%d\n", len(r.Skipped))
	for _, s := range r.Skipped {
		fmt.Fprintf(tw, "  %s\t%s\n", s.Source, s.Reason)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("knowledge: writing report: %w", err)
	}
	return nil
}
