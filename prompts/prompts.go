// Package prompts holds the LLM prompt templates as embedded *.tmpl files,
// parses them once and renders them with typed data, escaping user and
// retrieved text and fencing it in tags.
//
// prompts imports only the standard library.
package prompts

// Set is a parsed collection of prompt templates.
type Set struct{}
