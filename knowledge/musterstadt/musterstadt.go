// SPDX-License-Identifier: EUPL-1.2

// Package musterstadt bundles the example knowledge base of the fictional
// town Musterstadt: citizen service descriptions (leistungen/), internal IT
// articles for employees (intern/it/), dated notices (hinweise/), a
// knowledge.yaml with folder metadata and a synonyms list.
//
// It is sample data for demos, tests and the eval gate, not a real town's
// information. The package only exposes the files; loading, chunking and the
// audience rule live in package knowledge.
package musterstadt

import (
	"embed"
	"io/fs"
)

//go:embed all:data
var data embed.FS

// FS returns the knowledge root of Musterstadt. Paths are relative to the
// root, e.g. "knowledge.yaml" or "leistungen/reisepass.md".
func FS() fs.FS {
	sub, err := fs.Sub(data, "data")
	if err != nil {
		// fs.Sub only fails for an invalid path; "data" is a constant.
		panic("musterstadt: " + err.Error())
	}
	return sub
}
