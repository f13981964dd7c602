package browsertest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// NginxBin is Debian's nginx.
const NginxBin = "/usr/sbin/nginx"

// Nginx is nginx serving a `gloss export` with the snippet the export
// ships, as the export's test and the bench's anchor run it: Debian's
// stock http settings (/etc/nginx/nginx.conf: sendfile, tcp_nopush,
// gzip on), in the foreground, as the user who runs it, on a loopback
// address.
type Nginx struct {
	// Dir holds the configuration, the pid file, the logs and the
	// temporary files.
	Dir string
	// Root is the folder served; Snippet the export's nginx snippet,
	// included in the server block.
	Root, Snippet string
	// Listen is the loopback address and port, as 127.0.0.1:8080.
	Listen string
	// Workers is the number of worker processes: 0 runs one, with no
	// master process.
	Workers int
	// AccessLog writes Dir/access.log, as Debian's stock configuration
	// writes one (the bench's anchor pays for it as a server would).
	AccessLog bool
	// Extra are more directives for the http block.
	Extra string
}

// Conf is the configuration file's text.
func (n Nginx) Conf() string {
	master, workers := "off", 1
	if n.Workers > 0 {
		master, workers = "on", n.Workers
	}
	access := "off"
	if n.AccessLog {
		access = filepath.Join(n.Dir, "access.log")
	}
	return fmt.Sprintf(`# Written by github.com/gloss/gloss/internal/browsertest.
daemon off;
master_process %[5]s;
worker_processes %[6]d;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log warn;
events {
    worker_connections 1024;
}
http {
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log %[7]s;
    gzip on;%[8]s
    client_body_temp_path %[1]s/body;
    proxy_temp_path %[1]s/proxy;
    fastcgi_temp_path %[1]s/fastcgi;
    uwsgi_temp_path %[1]s/uwsgi;
    scgi_temp_path %[1]s/scgi;
    server {
        listen %[4]s;
        server_name localhost;
        root %[2]s;
        include %[3]s;
    }
}
`, n.Dir, n.Root, n.Snippet, n.Listen, master, workers, access, n.Extra)
}

// ErrorLog is the path of nginx's error log.
func (n Nginx) ErrorLog() string { return filepath.Join(n.Dir, "error.log") }

// Command writes the configuration into Dir and returns the command that
// runs nginx at bin with it (with -t among args: that checks it).
func (n Nginx) Command(bin string, args ...string) (*exec.Cmd, error) {
	if err := os.MkdirAll(n.Dir, 0o755); err != nil {
		return nil, err
	}
	conf := filepath.Join(n.Dir, "nginx.conf")
	if err := os.WriteFile(conf, []byte(n.Conf()), 0o644); err != nil {
		return nil, err
	}
	return exec.Command(bin, append([]string{"-p", n.Dir, "-e", n.ErrorLog(), "-c", conf}, args...)...), nil
}
