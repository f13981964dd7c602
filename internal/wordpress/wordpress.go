// Package wordpress runs a WordPress of Debian's packages on loopback,
// for the tests and the bench that embed Gloss in a real WordPress post:
// MariaDB on a Unix socket in a folder of its own (no TCP port), Apache
// with PHP's module on a free loopback port, each with its own
// configuration and data, started by Start and stopped by Stop.
// WordPress's own files are Debian's (/usr/share/wordpress); its
// configuration, theme and must-use plugin are the folder's: a copy of
// the top-level PHP files (so ABSPATH, and wp-config.php, are there) and
// links to wp-includes and wp-admin. Nothing is fetched from outside.
package wordpress

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
)

// Packages are what a WordPress needs here, for an error that says what
// to install.
const Packages = "wordpress mariadb-server apache2 libapache2-mod-php php-mysql"

// EmbedJS is WordPress's own script for the pages that show embeds.
const EmbedJS = "/usr/share/wordpress/wp-includes/js/wp-embed.js"

// HeightCap is the tallest wp-embed.js makes an embed's frame.
const HeightCap = 1000

// Site is a running WordPress.
type Site struct {
	URL string
	// Posts are the posts' URLs by name.
	Posts   map[string]string
	daemons []*daemon
}

// Post is a post to write: its name (a key of Site.Posts), title and
// content, as an editor saves it.
type Post struct {
	Name    string `json:"name"`
	Title   string `json:"title"`
	Content string `json:"content"`
}

// ClassicEmbed is the content of a post whose embed is the URL u alone
// on its line, as the classic editor saves it.
func ClassicEmbed(u string) string { return u }

// BlockEmbed is the content of a post whose embed is the block editor's
// Embed block of the URL u.
func BlockEmbed(u string) string {
	j, _ := json.Marshal(map[string]string{"url": u, "type": "rich", "providerNameSlug": "gloss"})
	return "<!-- wp:embed " + string(j) + " -->\n<figure class=\"wp-block-embed is-type-rich is-provider-gloss wp-block-embed-gloss\"><div class=\"wp-block-embed__wrapper\">\n" +
		u + "\n</div></figure>\n<!-- /wp:embed -->"
}

// pluginPHP is the must-use plugin: WordPress's HTTP API refuses
// loopback hosts, and ports other than 80, 443 and 8080, which are where
// a test's Gloss is.
const pluginPHP = `<?php
add_filter( 'http_request_host_is_external', function ( $external, $host ) { return $external || '127.0.0.1' === $host; }, 10, 2 );
add_filter( 'http_allowed_safe_ports', function ( $ports, $host ) { if ( '127.0.0.1' === $host ) { $ports = array_merge( $ports, %s ); } return $ports; }, 10, 2 );
`

// themeIndex is the theme: the post, through the_content (which makes
// embeds of the URLs in it), between two paragraphs of the publisher's,
// with wp_head and wp_footer (where WordPress adds wp-embed.js).
const themeIndex = `<!doctype html><html <?php language_attributes(); ?>><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><?php wp_head(); ?></head>
<body><main style="max-width: 640px; margin: 0 auto; font: 18px/1.5 sans-serif">
<?php while ( have_posts() ) : the_post(); ?><h1><?php the_title(); ?></h1><p>The publisher's own words, before the embed.</p>
<?php the_content(); ?><p>And after it.</p><?php endwhile; ?>
</main><?php wp_footer(); ?></body></html>
`

// installPHP installs WordPress and writes the posts of posts.json
// beside it, and prints their URLs as JSON.
const installPHP = `<?php
define( 'WP_INSTALLING', true );
require %q;
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$r = wp_install( 'The Courier', 'editor', 'editor@example.com', false, '', 'editor-password-1' );
switch_theme( 'glosstest' );
$out = array();
foreach ( json_decode( file_get_contents( __DIR__ . '/posts.json' ), true ) as $p ) {
	$id = wp_insert_post( array( 'post_title' => $p['title'], 'post_content' => $p['content'], 'post_status' => 'publish', 'post_author' => $r['user_id'] ), true );
	if ( is_wp_error( $id ) ) { fwrite( STDERR, $id->get_error_message() ); exit( 1 ); }
	$out[ $p['name'] ] = get_permalink( $id );
}
echo json_encode( $out );
`

// Start runs WordPress in dir (an empty folder it may keep until Stop)
// with posts, letting it fetch from 127.0.0.1 on the given ports (Gloss's).
// On an error, whatever had started is stopped.
func Start(dir string, ports []int, posts []Post) (site *Site, err error) {
	for _, f := range []string{"/usr/share/wordpress/wp-load.php", "/usr/sbin/mariadbd", "/usr/bin/mariadb-install-db", "/usr/sbin/apache2", "/usr/bin/php"} {
		if _, err := os.Stat(f); err != nil {
			return nil, fmt.Errorf("wordpress: %s is missing.\n  Install it with: make deps   (apt-get install %s)", f, Packages)
		}
	}
	php, _ := filepath.Glob("/usr/lib/apache2/modules/libphp*.so")
	if len(php) == 0 {
		return nil, fmt.Errorf("wordpress: PHP's Apache module is missing.\n  Install it with: make deps   (apt-get install %s)", Packages)
	}
	// Apache's children run as www-data when this runs as root: they must
	// reach the folder.
	for d := dir; d != "/" && d != filepath.Clean(os.TempDir()); d = filepath.Dir(d) {
		os.Chmod(d, 0o755)
	}
	me, _ := user.Current()
	root := me != nil && me.Uid == "0"
	site = &Site{}
	defer func() {
		if err != nil {
			site.Stop()
			site = nil
		}
	}()

	// MariaDB, on a socket only.
	data, sock := filepath.Join(dir, "db"), filepath.Join(dir, "db.sock")
	install := []string{"--no-defaults", "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db"}
	dbd := []string{"--no-defaults", "--datadir=" + data, "--socket=" + sock, "--skip-networking", "--skip-grant-tables",
		"--pid-file=" + filepath.Join(dir, "db.pid"), "--log-error=" + filepath.Join(dir, "db.log")}
	if root {
		install = append(install, "--user=root")
		dbd = append(dbd, "--user=root")
	}
	if out, err := exec.Command("mariadb-install-db", install...).CombinedOutput(); err != nil {
		return site, fmt.Errorf("wordpress: mariadb-install-db: %v\n%s", err, out)
	}
	d, err := startDaemon("mariadbd", dbd, func() bool { _, err := os.Stat(sock); return err == nil }, filepath.Join(dir, "db.log"))
	if err != nil {
		return site, err
	}
	site.daemons = append(site.daemons, d)
	if out, err := exec.Command("mariadb", "--no-defaults", "--socket="+sock, "-e", "CREATE DATABASE wordpress").CombinedOutput(); err != nil {
		return site, fmt.Errorf("wordpress: creating the database: %v\n%s", err, out)
	}

	// WordPress's folder.
	port, err := freePort()
	if err != nil {
		return site, err
	}
	site.URL = "http://localhost:" + strconv.Itoa(port)
	web := filepath.Join(dir, "wp")
	if err := writeTree(web, site.URL, sock, ports); err != nil {
		return site, err
	}
	pj, _ := json.Marshal(posts)
	if err := os.WriteFile(filepath.Join(dir, "posts.json"), pj, 0o644); err != nil {
		return site, err
	}
	if err := os.WriteFile(filepath.Join(dir, "install.php"), []byte(fmt.Sprintf(installPHP, filepath.Join(web, "wp-load.php"))), 0o644); err != nil {
		return site, err
	}
	cmd := exec.Command("php", filepath.Join(dir, "install.php"))
	cmd.Env = append(os.Environ(), "HTTP_HOST=localhost:"+strconv.Itoa(port))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if i := strings.IndexByte(string(out), '{'); err == nil && i >= 0 {
		err = json.Unmarshal(out[i:], &site.Posts)
	} else if err == nil {
		err = errors.New("no list of posts")
	}
	if err != nil {
		return site, fmt.Errorf("wordpress: installing: %v\n%s%s", err, out, stderr.String())
	}

	// Apache, with PHP, on the loopback port.
	conf := fmt.Sprintf(apacheConf, dir, port, "/usr/lib/apache2/modules/", php[0])
	if root {
		conf += "User www-data\nGroup www-data\n"
	}
	if err := os.WriteFile(filepath.Join(dir, "apache.conf"), []byte(conf), 0o644); err != nil {
		return site, err
	}
	d, err = startDaemon("/usr/sbin/apache2", []string{"-f", filepath.Join(dir, "apache.conf"), "-DFOREGROUND"}, func() bool {
		c, err := net.Dial("tcp", "127.0.0.1:"+strconv.Itoa(port))
		if err == nil {
			c.Close()
		}
		return err == nil
	}, filepath.Join(dir, "apache.log"))
	if err != nil {
		return site, err
	}
	site.daemons = append(site.daemons, d)
	return site, nil
}

// Stop stops Apache and MariaDB.
func (s *Site) Stop() {
	for i := len(s.daemons) - 1; i >= 0; i-- {
		s.daemons[i].stop()
	}
	s.daemons = nil
}

const apacheConf = `ServerRoot %[1]q
ServerName localhost
Listen 127.0.0.1:%[2]d
PidFile %[1]s/apache.pid
ErrorLog %[1]s/apache.log
LogLevel warn
DefaultRuntimeDir %[1]s
Mutex file:%[1]s
LoadModule mpm_prefork_module %[3]smod_mpm_prefork.so
LoadModule authz_core_module %[3]smod_authz_core.so
LoadModule dir_module %[3]smod_dir.so
LoadModule mime_module %[3]smod_mime.so
LoadModule php_module %[4]s
StartServers 2
MinSpareServers 1
MaxSpareServers 4
MaxRequestWorkers 8
TypesConfig /etc/mime.types
DocumentRoot %[1]s/wp
DirectoryIndex index.php
<Directory />
  Options FollowSymLinks
  AllowOverride None
  Require all granted
</Directory>
<FilesMatch "\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
`

// writeTree writes WordPress's folder web for the site at siteURL, with
// its database on the socket sock.
func writeTree(web, siteURL, sock string, ports []int) error {
	for _, d := range []string{"wp-content/themes/glosstest", "wp-content/mu-plugins"} {
		if err := os.MkdirAll(filepath.Join(web, d), 0o755); err != nil {
			return err
		}
	}
	tops, _ := filepath.Glob("/usr/share/wordpress/*.php")
	for _, f := range tops {
		if filepath.Base(f) == "wp-config.php" {
			continue // Debian's reads /etc/wordpress
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(web, filepath.Base(f)), b, 0o644); err != nil {
			return err
		}
	}
	for _, d := range []string{"wp-includes", "wp-admin"} {
		if err := os.Symlink("/usr/share/wordpress/"+d, filepath.Join(web, d)); err != nil {
			return err
		}
	}
	pj, _ := json.Marshal(ports)
	files := map[string]string{
		"wp-content/mu-plugins/gloss-loopback.php": fmt.Sprintf(pluginPHP, "json_decode( '"+string(pj)+"' )"),
		"wp-content/themes/glosstest/style.css":    "/*\nTheme Name: Gloss test\n*/\n",
		"wp-content/themes/glosstest/index.php":    themeIndex,
		"wp-config.php":                            fmt.Sprintf(configPHP, sock, siteURL, siteURL, siteURL+"/wp-content"),
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(web, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// configPHP is wp-config.php: the database on a socket, the site's
// address, its own wp-content, no cron, no updates, and no HTTP request
// beyond loopback.
const configPHP = `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:%s' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
define( 'WP_HOME', %q );
define( 'WP_SITEURL', %q );
define( 'WP_CONTENT_DIR', __DIR__ . '/wp-content' );
define( 'WP_CONTENT_URL', %q );
define( 'AUTH_KEY', 'gloss-test' ); define( 'SECURE_AUTH_KEY', 'gloss-test' ); define( 'LOGGED_IN_KEY', 'gloss-test' ); define( 'NONCE_KEY', 'gloss-test' );
define( 'AUTH_SALT', 'gloss-test' ); define( 'SECURE_AUTH_SALT', 'gloss-test' ); define( 'LOGGED_IN_SALT', 'gloss-test' ); define( 'NONCE_SALT', 'gloss-test' );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'WP_ACCESSIBLE_HOSTS', '127.0.0.1' );
$table_prefix = 'wp_';
if ( ! defined( 'ABSPATH' ) ) { define( 'ABSPATH', __DIR__ . '/' ); }
require_once ABSPATH . 'wp-settings.php';
`
