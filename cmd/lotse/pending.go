package main

import (
	"context"
	"errors"
	"io"
)

// Temporary until the phone simulator, desk accounts and privacy commands are wired.
func runUser(context.Context, []string, func(string) string, io.Reader, io.Writer, io.Writer) error {
	return errors.New("user: pending")
}
func runExportReviews(context.Context, []string, func(string) string, io.Writer, io.Writer) error {
	return errors.New("export-reviews: pending")
}
