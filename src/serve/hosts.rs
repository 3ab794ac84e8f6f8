//! Which English URLs the server may fetch: `--allow-fetch HOST_PATTERN…` (off when
//! empty). A pattern is a host (`news.example`, `10.0.0.7`), a domain's subdomains
//! (`*.news.example`) or `*` (any host). Whatever the pattern, an address in a
//! private, loopback, link-local, unique-local or other non-public range is refused,
//! after DNS resolution, unless the host is named exactly by a pattern: the server
//! must not become a way into the newsroom's network.

use std::net::{IpAddr, Ipv4Addr};

use super::api::ApiError;

/// The `--allow-fetch` patterns, lower-cased.
#[derive(Debug, Clone, Default)]
pub struct FetchGate {
    patterns: Vec<String>,
}

/// A host the gate lets through, and whether a pattern names it exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allowed {
    pub host: String,
    pub named: bool,
}

impl FetchGate {
    pub fn new(patterns: &[String]) -> FetchGate {
        FetchGate {
            patterns: patterns
                .iter()
                .map(|p| normalise(p))
                .filter(|p| !p.is_empty())
                .collect(),
        }
    }

    pub fn is_off(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Does a pattern let `host` through (403 when not), and does one name it exactly?
    pub fn host(&self, host: &str) -> Result<Allowed, ApiError> {
        let h = normalise(host);
        if self.is_off() {
            return Err(ApiError::new(
                403,
                "fetching the English by URL is off on this server (start it with --allow-fetch HOST_PATTERN)",
            ));
        }
        let named = self.patterns.contains(&h);
        let matched = named
            || self.patterns.iter().any(|p| {
                p == "*"
                    || p.strip_prefix("*.").is_some_and(|d| {
                        h.len() > d.len() && h.ends_with(d) && h[..h.len() - d.len()].ends_with('.')
                    })
            });
        if !matched {
            return Err(ApiError::new(
                403,
                format!("fetching from {h} is not allowed on this server (not in --allow-fetch)"),
            ));
        }
        Ok(Allowed { host: h, named })
    }

    /// Refuse the addresses `host` resolved to when one is not public and the host
    /// is not named exactly.
    pub fn addresses(&self, allowed: &Allowed, addrs: &[IpAddr]) -> Result<(), ApiError> {
        if addrs.is_empty() {
            return Err(ApiError::new(
                502,
                format!("{}: the name does not resolve", allowed.host),
            ));
        }
        if allowed.named {
            return Ok(());
        }
        match addrs.iter().find(|a| !is_public(**a)) {
            Some(a) => Err(ApiError::new(
                403,
                format!(
                    "fetching from {} is refused: it resolves to {a}, a private, loopback or link-local address (name the host exactly in --allow-fetch to allow it)",
                    allowed.host
                ),
            )),
            None => Ok(()),
        }
    }
}

/// Lower case, without IPv6 brackets or a final dot.
fn normalise(h: &str) -> String {
    h.trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim_end_matches('.')
        .to_ascii_lowercase()
}

/// Is this an address on the public Internet (not loopback, private, link-local,
/// unique-local, shared, unspecified, broadcast, multicast or documentation)?
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public_v4(v4);
            }
            let s = v6.segments();
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (s[0] & 0xfe00) == 0xfc00 // unique local fc00::/7
                || (s[0] & 0xffc0) == 0xfe80 // link local fe80::/10
                || (s[0] & 0xffc0) == 0xfec0 // site local (deprecated)
                || (s[0] == 0x2001 && s[1] == 0x0db8) // documentation
                || (s[0] == 0x0064 && s[1] == 0xff9b)) // NAT64 to any v4
        }
    }
}

fn is_public_v4(v4: Ipv4Addr) -> bool {
    let o = v4.octets();
    !(v4.is_loopback()
        || v4.is_private()
        || v4.is_link_local()
        || v4.is_unspecified()
        || v4.is_broadcast()
        || v4.is_multicast()
        || v4.is_documentation()
        || o[0] == 0
        || (o[0] == 100 && (o[1] & 0xc0) == 64) // shared 100.64/10
        || (o[0] == 192 && o[1] == 0 && o[2] == 0) // IETF protocol assignments
        || (o[0] == 198 && (o[1] & 0xfe) == 18) // benchmarking 198.18/15
        || o[0] >= 240)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn patterns() {
        let g = FetchGate::new(&["news.example".into(), "*.wire.example".into()]);
        assert!(g.host("news.example").unwrap().named);
        assert!(g.host("NEWS.example.").unwrap().named);
        assert!(!g.host("a.wire.example").unwrap().named);
        assert!(g.host("wire.example").is_err());
        assert!(g.host("evilwire.example").is_err());
        assert!(g.host("other.example").is_err());
        let any = FetchGate::new(&["*".into()]);
        assert!(!any.host("anything.example").unwrap().named);
        let e = FetchGate::new(&[]).host("news.example").unwrap_err();
        assert_eq!(e.status, 403);
        assert!(e.message.contains("off"));
    }

    #[test]
    fn private_addresses_need_the_host_named() {
        let any = FetchGate::new(&["*".into()]);
        let a = any.host("intranet.example").unwrap();
        for bad in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
        ] {
            let e = any
                .addresses(&a, &[ip("93.184.216.34"), ip(bad)])
                .unwrap_err();
            assert_eq!(e.status, 403, "{bad}");
        }
        assert!(any
            .addresses(&a, &[ip("93.184.216.34"), ip("2606:2800:220:1::")])
            .is_ok());
        let named = FetchGate::new(&["127.0.0.1".into()]);
        let a = named.host("127.0.0.1").unwrap();
        assert!(named.addresses(&a, &[ip("127.0.0.1")]).is_ok());
    }
}
