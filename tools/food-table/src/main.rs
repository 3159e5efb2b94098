//! Generates the planner's food table, `data/foods.tsv`, from the USDA SR28 ASCII files.
//!
//! Usage: `food-table <directory with the SR28 .txt files> <output file>`. Normally run through
//! `scripts/generate-food-table.sh`, which fetches and verifies the source first.

mod sr28;
mod table;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn read(dir: &Path, name: &str) -> Result<Vec<u8>, String> {
    let path = dir.join(name);
    std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn run(source_dir: &Path, output: &Path) -> Result<table::Counts, String> {
    let food_des = read(source_dir, "FOOD_DES.txt")?;
    let fd_group = read(source_dir, "FD_GROUP.txt")?;
    let nut_data = read(source_dir, "NUT_DATA.txt")?;
    let weight = read(source_dir, "WEIGHT.txt")?;
    let (text, counts) = table::build(&table::Sources {
        food_des: &food_des,
        fd_group: &fd_group,
        nut_data: &nut_data,
        weight: &weight,
    })
    .map_err(|e| e.to_string())?;
    // Written beside the target and renamed, so a failed run never leaves half a table behind.
    let mut partial = output.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    std::fs::write(&partial, text)
        .map_err(|e| format!("cannot write {}: {e}", partial.display()))?;
    std::fs::rename(&partial, output).map_err(|e| {
        format!(
            "cannot move {} to {}: {e}",
            partial.display(),
            output.display()
        )
    })?;
    Ok(counts)
}

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [source_dir, output] = args.as_slice() else {
        eprintln!("usage: food-table <SR28 directory> <output .tsv>");
        return ExitCode::from(2);
    };
    match run(source_dir, output) {
        Ok(counts) => {
            eprintln!(
                "food-table: wrote {}: {} food groups, {} foods ({} with magnesium), {} portions",
                output.display(),
                counts.groups,
                counts.foods,
                counts.foods_with_magnesium,
                counts.portions
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("food-table: {message}");
            ExitCode::FAILURE
        }
    }
}
