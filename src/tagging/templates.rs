//! Numbered feature templates. A feature's key mixes its template's number
//! with its values, so two templates that share a number share weights
//! without anyone noticing. [`feature_templates!`] declares a tagger's
//! templates as an enum, whose numbers the compiler keeps distinct, with the
//! width of each (a template that stands for several, numbered from its
//! own) and the list of all of them for a test that no two ranges overlap.
//! The numbers are part of the trained weights: changing one needs retraining.

/// `feature_templates! { pub enum Template { Bias = 0, Affix = 13 * 7, ... } }`:
/// the enum, `Template::ALL`, `width()` (1 unless given), `id()` and
/// `at(offset)`, and `Template::overlaps()`, the first pair of templates
/// whose number ranges overlap.
macro_rules! feature_templates {
    ($(#[$meta:meta])* $vis:vis enum $name:ident {
        $($(#[$vmeta:meta])* $variant:ident = $id:literal $(* $width:literal)?),* $(,)?
    }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(u32)]
        $vis enum $name {
            $($(#[$vmeta])* $variant = $id),*
        }

        #[allow(dead_code)]
        impl $name {
            /// Every template, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// How many numbers the template takes, from its own.
            pub const fn width(self) -> u32 {
                match self {
                    $($name::$variant => $crate::tagging::feature_templates!(@width $($width)?)),*
                }
            }

            /// The template's number.
            #[inline]
            pub const fn id(self) -> u32 {
                self as u32
            }

            /// The number of the `offset`-th template of a wide one.
            #[inline]
            pub fn at(self, offset: u32) -> u32 {
                debug_assert!(offset < self.width());
                self as u32 + offset
            }

            /// The first two templates whose numbers overlap, if any.
            pub fn overlaps() -> Option<($name, $name)> {
                let mut all: Vec<$name> = Self::ALL.to_vec();
                all.sort_by_key(|t| t.id());
                all.windows(2)
                    .find(|w| w[0].id() + w[0].width() > w[1].id())
                    .map(|w| (w[0], w[1]))
            }
        }
    };
    (@width) => { 1 };
    (@width $w:literal) => { $w };
}

pub(crate) use feature_templates;

#[cfg(test)]
mod tests {
    feature_templates! {
        enum Fine { A = 0, B = 1 * 3, C = 4 }
    }
    feature_templates! {
        enum Clash { A = 0, B = 1 * 3, C = 2 }
    }

    #[test]
    fn wide_templates_are_checked_for_overlap() {
        assert_eq!(Fine::overlaps(), None);
        assert_eq!(Fine::B.at(2), 3);
        assert_eq!(Clash::overlaps(), Some((Clash::B, Clash::C)));
    }
}
