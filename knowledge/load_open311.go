// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"encoding/json"
	"strings"
)

// Open311 GeoReport v2 is the interface through which defect-reporting
// services ("Mängelmelder") publish what can be reported: GET
// services.json returns an array of services, each with a
// "service_code", a "service_name", a "description", a "group" and
// machine fields ("metadata", "type", "keywords"). Such a list is one
// document, a section per service headed by its name under its group,
// its description the text; the codes and flags are left out.

// maxOpen311Services bounds the services read from one list.
const maxOpen311Services = 5000

// open311Service is one service of a GeoReport v2 service list.
type open311Service struct {
	Code        *string `json:"service_code"`
	Name        string  `json:"service_name"`
	Description string  `json:"description"`
	Group       string  `json:"group"`
}

// parseOpen311 reads a GeoReport v2 service list (a top-level array of
// objects that all have a service_code and a service_name, or an object
// whose "services" key holds one); ok is false for any other JSON.
func parseOpen311(data []byte) (docs []parsedDoc, ok bool, err error) {
	data = bytes.TrimSpace(data)
	if !bytes.Contains(data, []byte(`"service_code"`)) || !bytes.Contains(data, []byte(`"service_name"`)) {
		return nil, false, nil
	}
	var raws []json.RawMessage
	if len(data) > 0 && data[0] == '{' {
		var wrap struct {
			Services []json.RawMessage `json:"services"`
		}
		if json.Unmarshal(data, &wrap) != nil || len(wrap.Services) == 0 {
			return nil, false, nil
		}
		raws = wrap.Services
	} else if json.Unmarshal(data, &raws) != nil || len(raws) == 0 {
		return nil, false, nil
	}
	if len(raws) > maxOpen311Services {
		return nil, true, fileErrorf(nil, "Open311-Liste mit mehr als %d Diensten", maxOpen311Services)
	}
	services := make([]open311Service, 0, len(raws))
	for _, raw := range raws {
		var s open311Service
		if json.Unmarshal(raw, &s) != nil || s.Code == nil || strings.TrimSpace(s.Name) == "" {
			return nil, false, nil
		}
		services = append(services, s)
	}
	var pd parsedDoc
	for _, s := range services {
		h := strings.TrimSpace(collapseSpace(s.Name))
		if g := strings.TrimSpace(collapseSpace(s.Group)); g != "" && g != h {
			h = g + " › " + h
		}
		text := strings.TrimSpace(s.Description)
		if text == "" {
			text = strings.TrimSpace(collapseSpace(s.Name))
		}
		pd.sections = append(pd.sections, Section{Heading: h, Text: text})
	}
	return []parsedDoc{pd}, true, nil
}
