// Reading input files that may be compressed: the content decides, not the name.
//
// open_input() looks at a file's first bytes: zstd's magic (28 B5 2F FD) or
// gzip's (1F 8B) makes it decompress on the fly; anything else is read as it
// is. So a dataset renamed from .json.zst to .json still reads, and a reader
// never needs to know how its input was stored. Several frames (zstd) or
// members (gzip) one after the other read as their concatenation, as the zstd
// and gzip tools do.
//
// Errors are Diagnostics naming the file:
//   - file-unreadable: it cannot be opened or read ("cannot open WHAT: <cause>").
//   - compressed-data: the compressed stream is truncated ("the zstd stream
//     ends before its last frame is complete"), corrupt ("corrupt gzip data:
//     <zlib's message>"), or followed by bytes that are not another frame.
// They are thrown from the stream's reads: the returned stream has badbit in
// its exceptions() mask, so an istream operation rethrows them instead of
// just failing (code reading the streambuf directly, as nlohmann::json does,
// sees them as they are).
//
// This module depends on nothing of etr2nn but the Diagnostic type, so the
// independent checker (src/check) can use it.
#pragma once

#include <istream>
#include <memory>
#include <string>
#include <string_view>

namespace etr2nn::io {

// `path` "-" is standard input (named "<stdin>" in errors). `what` names the
// file in the open error ("the dataset" -> "cannot open the dataset: ...").
std::unique_ptr<std::istream> open_input(const std::string& path, std::string_view what = "file");

}  // namespace etr2nn::io
