//! `vocabulary!` declares a closed set of domain words (event kinds, outcomes,
//! roles…) with one spelling each: the snake_case name stored in SQLite,
//! printed by the CLI, sent as JSON and accepted from users.

/// Declare a closed vocabulary. Generates `as_str`, `label`, `ALL`, `Display`,
/// `FromStr` (with an error listing the accepted words) and serde impls that
/// use the same snake_case spelling.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($what:literal) {
            $( $(#[$vmeta:meta])* $variant:ident => $word:literal, $label:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        // In TypeScript: a union of the snake_case words ("granted" | "denied" | …).
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        $vis enum $name { $( $(#[$vmeta])* #[cfg_attr(feature = "ts", ts(rename = $word))] $variant ),+ }

        impl $name {
            /// Every word of this vocabulary, in declaration order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant ),+ ];

            /// The stored and serialised spelling.
            pub fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $word ),+ }
            }

            /// A short human label.
            pub fn label(self) -> &'static str {
                match self { $( $name::$variant => $label ),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = crate::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let wanted = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
                match wanted.as_str() {
                    $( $word => Ok($name::$variant), )+
                    _ => Err(crate::Error::invalid(format!(
                        "unknown {} {:?}; expected one of: {}",
                        $what,
                        s,
                        [$( $word ),+].join(", ")
                    ))),
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use vocabulary;
