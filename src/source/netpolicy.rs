//! Which hosts a fetch may reach. The English page comes from the open web, and a
//! pair folder (its `source.toml`, a snapshot's `en.meta.json`) comes from anyone:
//! a URL naming a loopback, private, link-local or unique-local address would make
//! the tool read the desk's own network and copy the answer into the reports. So a
//! host is resolved first, every address it resolves to is vetted, and the
//! connection is pinned to those addresses (no second lookup that could answer
//! differently). The policy may allow internal hosts by name
//! (`[fetch] allow-private = ["wiki.desk.example"]`).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, ToSocketAddrs};
use std::time::Duration;

/// Is this an address of the public internet? Loopback, private (RFC 1918),
/// carrier-grade NAT, link-local, unique-local, unspecified, multicast, broadcast,
/// documentation and benchmarking ranges are not; IPv6 forms embedding an IPv4
/// address (mapped, NAT64, 6to4) are judged by that address.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b)) // shared address space (CGNAT)
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (18..20).contains(&b)) // benchmarking
        || a >= 240) // reserved
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return is_public_v4(v4);
    }
    let s = ip.segments();
    // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address
    if s[0] == 0x64 && s[1] == 0xff9b && s[2..6] == [0, 0, 0, 0] {
        return is_public_v4(Ipv4Addr::new(
            (s[6] >> 8) as u8,
            s[6] as u8,
            (s[7] >> 8) as u8,
            s[7] as u8,
        ));
    }
    if s[0] == 0x2002 {
        return is_public_v4(Ipv4Addr::new(
            (s[1] >> 8) as u8,
            s[1] as u8,
            (s[2] >> 8) as u8,
            s[2] as u8,
        ));
    }
    // IPv4-compatible (::a.b.c.d, deprecated): judged by the IPv4 address
    if s[0..6] == [0, 0, 0, 0, 0, 0] && !ip.is_loopback() && !ip.is_unspecified() {
        return is_public_v4(Ipv4Addr::new(
            (s[6] >> 8) as u8,
            s[6] as u8,
            (s[7] >> 8) as u8,
            s[7] as u8,
        ));
    }
    !(ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        || (s[0] & 0xfe00) == 0xfc00 // unique local fc00::/7
        || (s[0] & 0xffc0) == 0xfe80 // link local fe80::/10
        || (s[0] & 0xffc0) == 0xfec0 // site local (deprecated)
        || (s[0] == 0x2001 && s[1] == 0x0db8)) // documentation
}

/// The host of a URL without IPv6 brackets, lower-cased.
pub fn bare_host(host: &str) -> String {
    host.trim_start_matches('[')
        .trim_end_matches(']')
        .trim_end_matches('.')
        .to_ascii_lowercase()
}

/// Is `host` allowed to be internal by the policy's list (names or addresses,
/// compared case-insensitively)?
pub fn allowed(host: &str, allow_private: &[String]) -> bool {
    let h = bare_host(host);
    allow_private.iter().any(|a| bare_host(a.trim()) == h)
}

/// Resolve `host:port` within `within` (a slow resolver counts against the fetch's
/// deadline). An IP literal resolves to itself.
pub fn resolve(host: &str, port: u16, within: Duration) -> Result<Vec<SocketAddr>, String> {
    let bare = bare_host(host);
    if let Ok(ip) = bare.parse::<IpAddr>() {
        return Ok(vec![SocketAddr::new(ip, port)]);
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let name = bare.clone();
    std::thread::spawn(move || {
        let r = (name.as_str(), port)
            .to_socket_addrs()
            .map(|a| a.collect::<Vec<_>>());
        let _ = tx.send(r);
    });
    match rx.recv_timeout(within) {
        Ok(Ok(addrs)) if !addrs.is_empty() => Ok(addrs),
        Ok(Ok(_)) => Err(format!("cannot resolve host {bare}: no address")),
        Ok(Err(e)) => Err(format!("cannot resolve host {bare}: {e}")),
        Err(_) => Err(format!(
            "cannot resolve host {bare}: timed out after {} s",
            within.as_secs().max(1)
        )),
    }
}

/// The first address of `addrs` the policy refuses, if any.
pub fn refused(host: &str, addrs: &[SocketAddr], allow_private: &[String]) -> Option<IpAddr> {
    if allowed(host, allow_private) {
        return None;
    }
    addrs.iter().map(SocketAddr::ip).find(|ip| !is_public(*ip))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn internal_ranges_are_not_public() {
        for s in [
            "127.0.0.1",
            "127.9.9.9",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.254",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "255.255.255.255",
            "224.0.0.1",
            "::1",
            "::",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "2002:7f00:1::",
            "::127.0.0.1",
        ] {
            assert!(!is_public(ip(s)), "{s}");
        }
        for s in [
            "93.184.216.34",
            "8.8.8.8",
            "172.32.0.1",
            "100.128.0.1",
            "2606:4700::1111",
            "::ffff:8.8.8.8",
        ] {
            assert!(is_public(ip(s)), "{s}");
        }
    }

    #[test]
    fn the_allow_list_matches_names_and_addresses() {
        let allow = vec!["Wiki.Desk.example".to_string(), "127.0.0.1".to_string()];
        assert!(allowed("wiki.desk.example", &allow));
        assert!(allowed("127.0.0.1", &allow));
        assert!(!allowed("10.0.0.1", &allow));
        let a = [SocketAddr::new(ip("10.0.0.1"), 80)];
        assert_eq!(refused("intranet", &a, &allow), Some(ip("10.0.0.1")));
        assert_eq!(refused("wiki.desk.example", &a, &allow), None);
        assert_eq!(bare_host("[::1]"), "::1");
    }
}
