//! Builds the power-cut VFS (`c/power_cut_vfs.c`) against the `sqlite3.h` of the
//! SQLite that rusqlite bundles, which `libsqlite3-sys` hands on as
//! `DEP_SQLITE3_INCLUDE`.

fn main() {
    println!("cargo:rerun-if-changed=c/power_cut_vfs.c");
    let include = std::env::var("DEP_SQLITE3_INCLUDE")
        .expect("libsqlite3-sys (bundled) gives the directory of sqlite3.h");
    cc::Build::new()
        .file("c/power_cut_vfs.c")
        .include(include)
        .std("c11")
        .define("_GNU_SOURCE", None)
        .flag_if_supported("-Wall")
        .flag_if_supported("-Wextra")
        // The VFS methods forward to the wrapped VFS and ignore their own.
        .flag_if_supported("-Wno-unused-parameter")
        .compile("plenum_power_cut_vfs");
}
