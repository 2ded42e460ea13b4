//! The main reader: any bytes as one source (sniff, gunzip, decode, HTML extraction, JSON Lines,
//! cleaning, metadata), then annotation of every document it gives.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    corroborate_fuzz::check_source("fuzz", data);
    // The cheap readers of the same bytes.
    let _ = corroborate_ingest::sniff(data);
    let text = String::from_utf8_lossy(data);
    let limit = 64;
    let depth = corroborate_ingest::html_depth(&text, limit);
    assert!(depth <= limit + 1, "html_depth({limit}) gave {depth}");
});
