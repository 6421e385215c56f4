// Package ingest reads reports from where they arrive: files, directories
// (recursively), standard input and JSONL files, one report per line.
// A Source streams what it reads as Items: a Doc to clean and analyse, or
// a Failure that names the file (and line) and says why it was skipped.
// Sources never stop at a bad file; the caller decides the exit status.
package ingest
