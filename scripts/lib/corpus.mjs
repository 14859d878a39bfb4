// The synthetic corpus of the scan benchmark: `services` small services — Flask, Django, Rails,
// Express, Terraform, nginx, systemd and compose, in turn — each with its own 7 files (code, config,
// Dockerfile, env files …, with a realistic sprinkling of development leftovers) and ten filler
// Python modules. 250 services are 4,250 files. Deterministic: the same services give the same bytes.
//
// The tree is its own git work tree (as a real project is: tracked files, .gitignore).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Bump when the generator changes: a corpus on disk with another version is rebuilt. */
const GENERATOR = 3;
export const FILES_PER_SERVICE = 17;

export function corpus(dir, services) {
  const stamp = `${dir}.stamp`; // beside the tree, not in it
  const want = JSON.stringify({ GENERATOR, services });
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return countFiles(services);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let seed = 20260601 + services;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const chance = (p) => rnd() < p;
  const alnum = (n) => Array.from({ length: n }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(rnd() * 62)]).join('');
  const W = 'user order invoice payment account session report export import cache queue worker audit search profile token upload image message notify billing'.split(' ');
  const write = (rel, content) => {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  };

  const filler = (i) => {
    const name = pick(W);
    const L = ['"""Business logic for ' + name + ' handling."""', 'import logging', 'import os', 'from dataclasses import dataclass, field', 'from typing import Optional', '', 'log = logging.getLogger(__name__)', ''];
    if (chance(0.1)) L.push(`PAGE_SIZE = int(os.environ.get("${name.toUpperCase()}_PAGE_SIZE", "50"))`, '');
    for (let c = 0; c < 3 + Math.floor(rnd() * 3); c++) {
      const cls = `${name[0].toUpperCase()}${name.slice(1)}${c}`;
      L.push('@dataclass', `class ${cls}:`, '    id: int', '    name: str', '    tags: list = field(default_factory=list)', '    parent: Optional[int] = None', '');
      for (let m = 0; m < 3 + Math.floor(rnd() * 4); m++) {
        L.push(
          `    def ${pick(W)}_${m}(self, value: int, *, limit: int = 10) -> dict:`,
          `        """Compute the ${pick(W)} ${pick(W)} summary."""`,
          `        total = value * ${m + 2}`,
          '        seen = {}',
          '        for item in range(min(value, limit)):',
          '            key = f"{self.name}-{item % 7}"',
          '            seen[key] = seen.get(key, 0) + item',
          '            if item % 3 == 0 and self.parent is not None:',
          '                total += self.parent',
          `        log.debug("computed %s for %s", total, self.id)`,
          '        return {"id": self.id, "total": total, "seen": sorted(seen.items())}',
          '',
        );
      }
    }
    L.push('', `def handle_${name}(rows):`, '    out = []', '    for row in rows:', '        try:', '            out.append(int(row["value"]))', '        except (KeyError, ValueError) as exc:', '            log.warning("skipped row: %s", exc)', '    return out', '');
    return L.join('\n');
  };
  const envProd = (svc) =>
    [`APP_NAME=${svc}`, `SECRET_KEY=${chance(0.4) ? 'changeme' : alnum(48)}`, `DATABASE_URL=postgresql://app:${chance(0.4) ? 'password' : alnum(24)}@db.internal:5432/${svc}`, `DEBUG=${chance(0.3) ? 'True' : 'False'}`, `LOG_LEVEL=${chance(0.3) ? 'debug' : 'info'}`, ''].join('\n');
  const dockerfile = (base, cmd) => [`FROM ${base}`, 'WORKDIR /app', 'COPY . .', chance(0.3) ? `ENV SECRET_KEY=${alnum(20)}` : 'ENV PYTHONUNBUFFERED=1', chance(0.4) ? '' : 'USER app', `CMD ${cmd}`, ''].join('\n');
  const compose = (svc) => ['services:', '  web:', '    build: .', '    ports:', '      - "8000:8000"', '    env_file: .env.production', '    environment:', `      - DEBUG=${chance(0.3) ? '1' : '0'}`, '  db:', `    image: postgres${chance(0.5) ? '' : ':16'}`, '    environment:', `      POSTGRES_PASSWORD: ${chance(0.5) ? 'postgres' : alnum(16)}`, ...(chance(0.3) ? ['    ports:', '      - "5432:5432"'] : []), ''].join('\n');

  const kinds = ['flask', 'django', 'rails', 'express', 'terraform', 'nginx', 'systemd', 'compose'];
  write('.gitignore', '.env\n*.log\n__pycache__/\nnode_modules/\n');
  for (let s = 0; s < services; s++) {
    const kind = kinds[s % kinds.length];
    const svc = `${kind}-${s}`;
    const d = `services/${svc}`;
    const own = {};
    switch (kind) {
      case 'flask':
        own['app.py'] = ['import os', 'from flask import Flask', 'from flask_limiter import Limiter', '', 'app = Flask(__name__)', `app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", "${chance(0.5) ? 'dev' : alnum(12)}")`, `app.config["SESSION_COOKIE_SECURE"] = ${chance(0.5) ? 'False' : 'True'}`, 'limiter = Limiter(app, storage_uri="memory://")', '', '@app.route("/")', 'def index():', '    return "ok"', '', 'if __name__ == "__main__":', `    app.run(host="0.0.0.0", debug=${chance(0.5) ? 'True' : 'False'})`, ''].join('\n');
        own['config.py'] = ['import os', '', 'class Config:', '    DEBUG = False', '    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite:///dev.db")', '', 'class DevelopmentConfig(Config):', '    DEBUG = True', '', 'class ProductionConfig(Config):', `    SESSION_COOKIE_SECURE = ${chance(0.5) ? 'False' : 'True'}`, ''].join('\n');
        own['gunicorn.conf.py'] = [`workers = ${chance(0.3) ? 1 : 4}`, `reload = ${chance(0.3) ? 'True' : 'False'}`, 'bind = "0.0.0.0:8000"', ''].join('\n');
        own['requirements.txt'] = 'flask==3.0.0\nflask-limiter==3.5.0\ngunicorn==21.2.0\n';
        own['Dockerfile'] = dockerfile('python:3.12-slim', '["gunicorn", "-c", "gunicorn.conf.py", "app:app"]');
        own['.env.production'] = envProd(svc);
        own['.env.example'] = 'SECRET_KEY=\nDATABASE_URL=\n';
        break;
      case 'django':
        own['manage.py'] = ['#!/usr/bin/env python', 'import os', 'import sys', '', 'if __name__ == "__main__":', '    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")', '    from django.core.management import execute_from_command_line', '    execute_from_command_line(sys.argv)', ''].join('\n');
        own['mysite/settings.py'] = ['import os', '', `SECRET_KEY = "${chance(0.5) ? 'django-insecure-' + alnum(30) : alnum(50)}"`, `DEBUG = ${chance(0.5) ? 'True' : 'os.environ.get("DEBUG") == "1"'}`, `ALLOWED_HOSTS = ${chance(0.4) ? '["*"]' : '["example.com"]'}`, 'INSTALLED_APPS = ["django.contrib.admin", "django.contrib.auth", "app"]', 'MIDDLEWARE = ["django.middleware.security.SecurityMiddleware", "django.middleware.csrf.CsrfViewMiddleware"]', 'ROOT_URLCONF = "mysite.urls"', 'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "app", "PASSWORD": os.environ.get("DB_PASSWORD", "postgres")}}', `SESSION_COOKIE_SECURE = ${chance(0.5) ? 'False' : 'True'}`, ''].join('\n');
        own['mysite/urls.py'] = 'from django.urls import path\n\nurlpatterns = []\n';
        own['mysite/wsgi.py'] = 'import os\nfrom django.core.wsgi import get_wsgi_application\n\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\napplication = get_wsgi_application()\n';
        own['Dockerfile'] = dockerfile('python:3.12', chance(0.4) ? '["python", "manage.py", "runserver", "0.0.0.0:8000"]' : '["gunicorn", "mysite.wsgi"]');
        own['.env.production'] = envProd(svc);
        own['requirements.txt'] = 'django==5.0\ngunicorn==21.2.0\n';
        break;
      case 'rails':
        own['Gemfile'] = "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\ngem 'pg'\n";
        own['config/environments/production.rb'] = ['Rails.application.configure do', `  config.force_ssl = ${chance(0.4) ? 'false' : 'true'}`, `  config.log_level = :${chance(0.4) ? 'debug' : 'info'}`, '  config.consider_all_requests_local = false', `  config.secret_key_base = ENV.fetch("SECRET_KEY_BASE") { "${alnum(16)}" }`, 'end', ''].join('\n');
        own['config/database.yml'] = ['production:', '  adapter: postgresql', '  database: app', `  password: ${chance(0.5) ? '<%= ENV["DATABASE_PASSWORD"] %>' : alnum(12)}`, ''].join('\n');
        own['config/application.rb'] = "require_relative 'boot'\nrequire 'rails/all'\n\nmodule App\n  class Application < Rails::Application\n    config.load_defaults 7.1\n  end\nend\n";
        own['app/controllers/items_controller.rb'] = 'class ItemsController < ApplicationController\n  def index\n    @items = Item.where(owner: params[:owner]).limit(ENV.fetch("PAGE_SIZE", 20))\n  end\nend\n';
        own['Dockerfile'] = dockerfile('ruby:3.3', '["bin/rails", "server", "-b", "0.0.0.0"]');
        own['.env.production'] = envProd(svc);
        break;
      case 'express':
        own['package.json'] = JSON.stringify({ name: svc, version: '1.0.0', dependencies: { express: '^4.19.0', 'express-session': '^1.18.0' } }, null, 2) + '\n';
        own['app.js'] = ["const express = require('express');", "const session = require('express-session');", 'const app = express();', `app.use(session({ secret: process.env.SESSION_SECRET || '${chance(0.5) ? 'keyboard cat' : alnum(16)}', cookie: { secure: ${chance(0.5) ? 'false' : 'true'} } }));`, "app.get('/', (req, res) => res.send('ok'));", 'app.use((err, req, res, next) => {', `  res.status(500).json({ error: ${chance(0.5) ? 'err.stack' : "'internal error'"} });`, '});', 'app.listen(process.env.PORT || 3000);', ''].join('\n');
        own['routes/items.js'] = "const router = require('express').Router();\nrouter.get('/:id', async (req, res) => {\n  res.json({ id: req.params.id, limit: Number(process.env.PAGE_SIZE) || 20 });\n});\nmodule.exports = router;\n";
        own['Dockerfile'] = dockerfile('node:20', '["node", "app.js"]');
        own['docker-compose.yml'] = compose(svc);
        own['.env.production'] = envProd(svc);
        own['.gitignore'] = 'node_modules/\n';
        break;
      case 'terraform':
        own['main.tf'] = ['provider "aws" {', '  region = var.region', '}', '', `resource "aws_s3_bucket" "assets" {`, `  bucket = "${svc}-assets"`, '}', '', 'resource "aws_security_group" "web" {', '  name = "web"', '  ingress {', `    from_port   = ${chance(0.5) ? 22 : 443}`, `    to_port     = ${chance(0.5) ? 22 : 443}`, '    protocol    = "tcp"', '    cidr_blocks = ["0.0.0.0/0"]', '  }', '}', '', 'resource "aws_db_instance" "db" {', '  engine   = "postgres"', '  username = "app"', `  password = ${chance(0.5) ? `"${alnum(12)}"` : 'var.db_password'}`, `  publicly_accessible = ${chance(0.4)}`, `  storage_encrypted   = ${chance(0.6)}`, '}', ''].join('\n');
        own['variables.tf'] = 'variable "region" {\n  default = "eu-west-1"\n}\n\nvariable "db_password" {\n  type      = string\n  sensitive = true\n}\n';
        own['outputs.tf'] = 'output "bucket" {\n  value = aws_s3_bucket.assets.id\n}\n';
        own['terraform.tfvars'] = 'region = "eu-west-1"\n';
        own['README.md'] = `# ${svc}\n\nInfrastructure of the ${svc} service.\n`;
        own['.env.production'] = envProd(svc);
        own['Makefile'] = 'plan:\n\tterraform plan\n';
        break;
      case 'nginx':
        own['nginx/nginx.conf'] = ['events {}', 'http {', `  server_tokens ${chance(0.5) ? 'on' : 'off'};`, '  include sites-enabled/*.conf;', '}', ''].join('\n');
        own['nginx/sites-enabled/app.conf'] = ['server {', '  listen 80;', `  server_name ${svc}.example.com;`, chance(0.5) ? '  return 301 https://$host$request_uri;' : '  location / { proxy_pass http://127.0.0.1:8000; }', '}', '', 'server {', '  listen 443 ssl;', `  ssl_protocols ${chance(0.4) ? 'TLSv1 TLSv1.1 TLSv1.2' : 'TLSv1.2 TLSv1.3'};`, '  ssl_certificate /etc/ssl/app.crt;', '  ssl_certificate_key /etc/ssl/app.key;', `  location / { proxy_pass http://127.0.0.1:8000; ${chance(0.3) ? 'autoindex on;' : ''} }`, '}', ''].join('\n');
        own['app.py'] = 'from flask import Flask\n\napp = Flask(__name__)\n';
        own['Dockerfile'] = dockerfile('nginx:1.27', '["nginx", "-g", "daemon off;"]');
        own['.env.production'] = envProd(svc);
        own['requirements.txt'] = 'flask\n';
        own['README.md'] = `# ${svc}\n`;
        break;
      case 'systemd':
        own['deploy/app.service'] = ['[Unit]', 'Description=app', '', '[Service]', `User=${chance(0.4) ? 'root' : 'app'}`, `ExecStart=/usr/bin/python3 ${chance(0.4) ? 'manage.py runserver 0.0.0.0:8000' : '-m gunicorn app:app'}`, `Environment=SECRET_KEY=${alnum(24)}`, chance(0.5) ? 'Restart=always' : '', '', '[Install]', 'WantedBy=multi-user.target', ''].join('\n');
        own['deploy/setup.sh'] = '#!/bin/sh\nset -e\nuseradd app || true\nsystemctl enable app\n';
        own['app.py'] = 'import os\nfrom flask import Flask\n\napp = Flask(__name__)\napp.secret_key = os.environ["SECRET_KEY"]\n';
        own['manage.py'] = 'import os\n';
        own['.env.production'] = envProd(svc);
        own['requirements.txt'] = 'flask\ngunicorn\n';
        own['Procfile'] = 'web: gunicorn app:app\n';
        break;
      case 'compose':
        own['docker-compose.yml'] = compose(svc);
        own['docker-compose.prod.yml'] = compose(svc);
        own['Dockerfile'] = dockerfile('python:3.12-slim', '["python", "app.py"]');
        own['app.py'] = 'import os\n\nDEBUG = os.environ.get("DEBUG", "0") == "1"\n';
        own['.env.production'] = envProd(svc);
        own['.env'] = `SECRET_KEY=${alnum(32)}\n`;
        own['.dockerignore'] = '.git\n.env\n';
        break;
    }
    const names = Object.keys(own);
    if (names.length !== FILES_PER_SERVICE - 10) throw new Error(`${kind}: ${names.length} own files`);
    for (const n of names) write(`${d}/${n}`, own[n]);
    for (let i = 0; i < 10; i++) write(`${d}/lib/${pick(W)}_${i}.py`, filler(i));
  }
  // Its own git work tree, as a real project.
  const git = (...args) => spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
  if (git('init', '-q').status === 0) {
    git('add', '-A');
    git('commit', '-q', '-m', 'synthetic corpus');
  }
  writeFileSync(stamp, want);
  return countFiles(services);
}

export function countFiles(services) {
  return 1 + services * FILES_PER_SERVICE; // + the root .gitignore
}
