//! Places labels of one height along one axis near where each wants to be, in their order and never
//! overlapping: the labels at the ends of lines, nudged apart.

/// The tops of labels `height` tall (spacing included) that want their middles at `wanted`, moved
/// as little as possible (least squares) so that none overlaps another and all lie within
/// `lo..=hi`; labels keep the order of their wanted positions. Where they cannot all fit, they are
/// stacked from `lo` down and the last run past `hi`: the caller labels fewer lines.
///
/// Pool-adjacent-violators: each label starts as a block of its own; a block that overlaps the one
/// above merges with it and the merged block sits where its members want to be on average. Every
/// merge is final, so the work is linear after the sort.
pub fn dodge(wanted: &[f64], height: f64, lo: f64, hi: f64) -> Vec<f64> {
    // A block: its first label in `order`, how many it holds, and the sum of where each member's
    // wish puts the block's top (its wanted top less the labels above it in the block).
    struct Block {
        first: usize,
        len: usize,
        sum: f64,
    }
    let n = wanted.len();
    let mut order: Vec<usize> = (0..n).collect();
    super::insertion_sort(&mut order, |a, b| wanted[*a].total_cmp(&wanted[*b]).is_lt());
    let room = (hi - lo).max(0.0);
    let top_of = |b: &Block| {
        let len = b.len as f64;
        let free = (b.sum / len).max(lo);
        // A block taller than the room starts at `lo`; else it ends by `hi`.
        if len * height > room {
            lo
        } else {
            free.min(hi - len * height)
        }
    };
    let mut blocks: Vec<Block> = Vec::with_capacity(n);
    for (k, &i) in order.iter().enumerate() {
        let want_top = wanted[i] - height / 2.0;
        blocks.push(Block { first: k, len: 1, sum: want_top });
        while blocks.len() > 1 {
            let (Some(last), Some(prev)) = (blocks.last(), blocks.get(blocks.len() - 2)) else { break };
            if top_of(prev) + prev.len as f64 * height <= top_of(last) {
                break;
            }
            let Some(last) = blocks.pop() else { break };
            let Some(prev) = blocks.last_mut() else { break };
            // Each member of the upper block adds `prev.len` labels above it.
            prev.sum += last.sum - last.len as f64 * prev.len as f64 * height;
            prev.len += last.len;
        }
    }
    let mut tops = vec![0.0; n];
    for b in &blocks {
        let top = top_of(b);
        for j in 0..b.len {
            if let Some(&i) = order.get(b.first + j) {
                tops[i] = top + j as f64 * height;
            }
        }
    }
    tops
}

#[cfg(test)]
mod tests {
    use super::dodge;

    #[test]
    fn labels_with_room_stay_where_they_want_to_be() {
        let tops = dodge(&[10.0, 50.0, 90.0], 10.0, 0.0, 100.0);
        assert_eq!(tops, vec![5.0, 45.0, 85.0]);
    }

    #[test]
    fn crowded_labels_spread_evenly_around_their_wishes() {
        // Three labels wanting one spot: one above, one on it, one below.
        let tops = dodge(&[50.0, 50.0, 50.0], 10.0, 0.0, 100.0);
        assert_eq!(tops, vec![35.0, 45.0, 55.0]);
        // Order follows the wishes, not the input.
        let tops = dodge(&[52.0, 48.0], 10.0, 0.0, 100.0);
        assert!(tops[1] + 10.0 <= tops[0] + 1e-9, "{tops:?}");
    }

    #[test]
    fn labels_stay_inside_the_bounds() {
        let tops = dodge(&[0.0, 1.0, 99.0, 100.0], 10.0, 0.0, 100.0);
        assert!(tops.iter().all(|t| *t >= 0.0 && *t + 10.0 <= 100.0), "{tops:?}");
        assert!((tops[1] - tops[0] - 10.0).abs() < 1e-9 && (tops[3] - tops[2] - 10.0).abs() < 1e-9, "{tops:?}");
    }
}
