#include "serve/assets.h"

namespace receipts::serve {
namespace {

// Colours and meanings follow report.html. No style attribute appears in any page: the
// Content-Security-Policy allows styles from this file only.
constexpr std::string_view kCss =
    R"css(:root{--fg:#1d232a;--muted:#5b6670;--line:#dde2e6;--bg:#fff;--soft:#f5f7f9;--accent:#2b5c8a}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}
header.top{background:#1d232a;color:#fff}
header.top .in{max-width:1200px;margin:0 auto;padding:10px 20px;display:flex;gap:24px;align-items:center;flex-wrap:wrap}
header.top a{color:#fff;text-decoration:none;opacity:.85}header.top a:hover,header.top a.on{opacity:1;text-decoration:underline}
header.top .brand{font-weight:700;font-size:16px;opacity:1}
main{max-width:1200px;margin:0 auto;padding:20px 20px 48px}
h1{font-size:24px;margin:4px 0 4px}h2{font-size:18px;margin:30px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
.sub,.muted,footer{color:var(--muted)}
.headline{display:flex;flex-wrap:wrap;gap:16px;margin:18px 0}
.big{flex:1 1 220px;background:var(--soft);border-radius:6px;padding:14px 16px}
.big .label{display:block;color:var(--muted);font-size:13px}
.big .num{display:block;font-size:30px;font-weight:650;font-variant-numeric:tabular-nums;letter-spacing:-.5px}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:24px}@media(max-width:900px){.grid2{grid-template-columns:1fr}}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--soft);font-weight:600;white-space:nowrap}
th a{color:inherit;text-decoration:none}th a:hover{text-decoration:underline}
th.sorted a::after{content:" \25B2"}th.sorted.desc a::after{content:" \25BC"}
td.m,th.m{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.claims{font-size:12.5px}table.claims td{overflow-wrap:break-word}
.vd{white-space:nowrap}.vd i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
.v-unverifiable{background:#a8a8a8}.v-not_found{background:#5e3c99}.v-after_records{background:#4f8fc0}.v-duplicate{background:#5f6b73}.v-zero_claim{background:#c9c9c9}
.v-unit_error{background:#d81b78}.v-idv_ceiling{background:#a6761d}.v-verified{background:#2e7d32}.v-understated{background:#1b9e77}
.v-overstated{background:#e6a817}.v-options_only{background:#d95f02}.v-already_ended{background:#7570b3}.v-not_terminated{background:#c62828}.v-none{background:#fff;border:1px solid #a8a8a8}
.v-ambiguous{background:#8e6c8a}.v-already_paid{background:#b71c1c}.v-expiring{background:#9e9d24}.v-lease_ended{background:#388e3c}.v-still_leased{background:#ad1457}
.chart{width:100%;height:auto;font-size:12px;fill:var(--fg)}.chart .v{fill:var(--muted);font-size:11px}.chart .axis{stroke:var(--line)}
form.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:end;margin:10px 0;background:var(--soft);padding:10px;border-radius:6px}
form.filters label{display:flex;flex-direction:column;font-size:12px;color:var(--muted);gap:2px}
input,select,button{font:inherit;padding:5px 8px;border:1px solid #b8c0c7;border-radius:4px;background:#fff;color:var(--fg)}
input[type=search]{width:min(360px,80vw)}
button{background:var(--accent);color:#fff;border-color:var(--accent);cursor:pointer}
.pager{display:flex;gap:12px;align-items:center;margin:10px 0}
h1 code{font-size:inherit}
select{max-width:320px}
td.nw,table.claims td code{white-space:nowrap;overflow-wrap:normal}
td div{overflow-wrap:anywhere}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;overflow-wrap:anywhere}
.reason{font-size:16px;background:var(--soft);border-left:4px solid var(--accent);padding:10px 14px;margin:12px 0}
.chg-added{color:#2e7d32}.chg-removed{color:#c62828}.chg-changed{color:#7a5410}
.old{text-decoration:line-through;color:#c62828}.new{color:#2e7d32;font-weight:600}
.note{background:#fff6d5;border:1px solid #ecd98b;padding:8px 12px;border-radius:4px}
footer{margin-top:40px;border-top:1px solid var(--line);padding-top:12px;font-size:13px}
.error{background:#fde8e8;border:1px solid #f3b4b4;padding:10px 14px;border-radius:4px}
.scroll{max-width:100%;overflow-x:auto}.grid2>*{min-width:0}
.life{font-size:15px;margin:10px 0;padding:8px 12px;border:1px solid var(--line);border-radius:6px}
.kinds{display:flex;flex-wrap:wrap;gap:8px;margin:10px 0}.kinds a{padding:3px 12px;border:1px solid var(--line);border-radius:14px;text-decoration:none}.kinds a.on{background:var(--accent);border-color:var(--accent);color:#fff}
.num,.m,[data-cents]{white-space:nowrap}
@media(max-width:760px){
main{padding:12px 12px 32px}header.top .in{padding:8px 12px;gap:8px 14px}
h1{font-size:20px;overflow-wrap:anywhere}h1 code{white-space:normal;overflow-wrap:anywhere}
.big .num{font-size:22px}
table{display:block;max-width:100%;overflow-x:auto}table.kv{display:table}table.kv th{white-space:normal}
dl.facts{grid-template-columns:1fr}dl.facts dt{margin-top:6px}
form.filters label{flex:1 1 140px;min-width:0;max-width:100%}select{width:100%;max-width:100%}input[type=search]{width:100%}
td div{min-width:12em}
}
)css";

// Progressive enhancement only: every page works without it. Selects re-submit their form on
// change; "/" focuses the search box; table rows become keyboard-focusable links.
constexpr std::string_view kJs = R"js((function(){
'use strict';
document.querySelectorAll('form.filters select').forEach(function(s){
  s.addEventListener('change',function(){ if(s.form) s.form.submit(); });
});
var q=document.querySelector('input[type=search]');
document.addEventListener('keydown',function(e){
  if(e.key==='/'&&q&&document.activeElement!==q&&!/^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName)){
    e.preventDefault();q.focus();q.select();
  }
});
document.querySelectorAll('tr[data-href]').forEach(function(tr){
  tr.addEventListener('click',function(e){
    if(e.target.closest('a'))return;
    window.location.href=tr.getAttribute('data-href');
  });
});
document.documentElement.classList.add('js');
})();
)js";

// The static site's search (receipts publish): what /claims?q= does on the server, over the
// per-snapshot indexes search/ID.js, loaded as scripts so that a site opened from disk works.
// Words match whole words, an identifier exactly; "$8,000,000" and "$8m" match amounts; one
// identifier naming one claim opens its page.
constexpr std::string_view kSearchJs = R"js((function(){
'use strict';
var params=new URLSearchParams(window.location.search);
var q=(params.get('q')||'').trim(), want=params.get('snapshot')||'';
var verdict=params.get('verdict')||'', agency=params.get('agency')||'';
var status=document.querySelector('[data-testid="search-status"]');
var tbody=document.querySelector('[data-testid="search-results"] tbody');
var box=document.querySelector('input[name=q]');if(box)box.value=q;
var pick=document.querySelector('select[name=snapshot]');if(pick)pick.value=want;
var snapshots=window.RECEIPTS_SNAPSHOTS||[], labels=window.RECEIPTS_VERDICTS||{};
var ids=[];
if(want){ids=[Number(want)];}else{var last={};snapshots.forEach(function(s){last[s[1]]=s[0];});ids=Object.keys(last).map(function(k){return last[k];});}
function words(text){return text.toLowerCase().split(/[^\p{L}\p{N}$.,]+/u).filter(Boolean);}
function usd(cents){var neg=cents<0;cents=Math.abs(cents);var d=Math.floor(cents/100).toString().replace(/\B(?=(\d{3})+(?!\d))/g,',');return (neg?'-':'')+'$'+d+'.'+String(cents%100).padStart(2,'0');}
function amount(token){
  var m=/^\$([0-9][0-9,]*)(\.[0-9]{1,2})?$/.exec(token);
  if(m){var c=Number(m[1].replace(/,/g,''))*100+(m[2]?Math.round(Number(m[2])*100):0);return {lo:c,hi:c};}
  m=/^\$([0-9]+(?:\.[0-9])?)([kmb])$/i.exec(token);
  if(m){var unit={k:1e5,m:1e8,b:1e11}[m[2].toLowerCase()];var v=Number(m[1])*unit;return {lo:v-unit/20,hi:v+unit/20-1};}
  return null;
}
function matches(entry,tokens){
  var exact=[entry[0]].concat(entry[2].split(' ')).map(function(t){return t.toLowerCase();});
  var have=words([entry[0],entry[2],entry[3],entry[4],entry[5]].join(' '));
  return tokens.every(function(t){
    var a=amount(t);
    if(a)return entry[6]!==null&&entry[6]>=a.lo&&entry[6]<=a.hi;
    return exact.indexOf(t)>=0||have.indexOf(t)>=0;
  });
}
function show(){
  var tokens=q?q.toLowerCase().split(/\s+/).filter(Boolean):[];
  var found=[],keys={};
  ids.forEach(function(id){
    (window.RECEIPTS_SEARCH&&window.RECEIPTS_SEARCH[id]||[]).forEach(function(e){
      if(verdict&&e[7]!==verdict)return;
      if(agency&&e[3]!==agency)return;
      if(tokens.length&&!matches(e,tokens))return;
      found.push(e);keys[e[0]]=e[8];
    });
  });
  var distinct=Object.keys(keys);
  if(tokens.length===1&&distinct.length===1&&!amount(tokens[0])){window.location.replace('claims/'+keys[distinct[0]]+'.html');return;}
  status.textContent=found.length.toLocaleString('en-US')+' matching claims'+(found.length>500?'; the first 500 shown':'');
  found.slice(0,500).forEach(function(e){
    var tr=document.createElement('tr');
    var a=document.createElement('a');a.href='claims/'+e[8]+'.html';a.textContent=e[2].split(' ')[0]||e[0];
    var cells=[a,e[3],e[4],e[6]===null?'':usd(e[6]),labels[e[7]]||e[7]];
    cells.forEach(function(c,i){var td=document.createElement('td');if(i===3)td.className='m';if(typeof c==='string')td.textContent=c;else td.appendChild(c);tr.appendChild(td);});
    tbody.appendChild(tr);
  });
}
var pending=ids.length;
if(!pending){status.textContent='No snapshot to search.';return;}
status.textContent='Searching…';
ids.forEach(function(id){
  var s=document.createElement('script');s.src='search/'+id+'.js';
  s.onload=s.onerror=function(){if(--pending===0)show();};
  document.head.appendChild(s);
});
})();
)js";

constexpr Asset kAssets[] = {
    {"/assets/app.css", "text/css; charset=utf-8", kCss},
    {"/assets/app.js", "text/javascript; charset=utf-8", kJs},
    {"/assets/search.js", "text/javascript; charset=utf-8", kSearchJs},
};

}  // namespace

const Asset* FindAsset(std::string_view path) {
  for (const Asset& asset : kAssets) {
    if (asset.path == path) return &asset;
  }
  return nullptr;
}

}  // namespace receipts::serve
